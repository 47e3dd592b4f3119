package io.lifeboat.cli.chaos.brokers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import io.lifeboat.cli.chaos.ChaosTally;
import io.lifeboat.events.Engine;
import io.lifeboat.events.backup.BackupPhase;
import io.lifeboat.events.backup.BackupType;
import io.lifeboat.events.catalog.CatalogEntry;
import io.lifeboat.events.catalog.RetentionTag;

class CatalogVerdictTest {

    private static final TopicPartition POLICIES = new TopicPartition("lifeboat.policies", 0);
    private static final TopicPartition BACKUPS = new TopicPartition("lifeboat.backup.events", 1);
    private static final Instant T = Instant.parse("2026-11-22T12:00:00Z");

    @Test
    void aBackupWithTwoDifferentEntriesIsNoDuplicateButTheSameEntryTwiceIs() {
        List<CatalogEntry> catalog = List.of(entry("b1", List.of(), T), entry("b1", List.of(RetentionTag.DAILY),
                T.plusSeconds(1)), entry("b2", List.of(), T), entry("b2", List.of(), T.plusSeconds(5)));
        CatalogVerdict verdict = new CatalogVerdict(catalog, Set.of("t1"), Map.of("t1", Set.of("b1", "b2")),
                Map.of(POLICIES, 1L, BACKUPS, 2L));

        ChaosTally tally = verdict.judge("brokers", List.of(policy(0), backup("b1", 0), backup("b2", 1)));

        assertThat(tally.figures()).isEqualTo("lost=0 duplicated=1 stuck=0 consumer_crashes=0 deadlettered=0 "
                + "valid_completed=3 malformed=0 valid=3");
        assertThat(tally.findings()).containsExactly("backup b2 of t1 has 2 equal catalog entries in phase COMPLETED");
    }

    @Test
    void aMissingFactIsLostWhenTheCatalogCommittedPastItAndStuckWhenItDidNot() {
        CatalogVerdict verdict = new CatalogVerdict(List.of(entry("b1", List.of(), T)), Set.of(),
                Map.of("t1", Set.of()), Map.of(BACKUPS, 1L));

        ChaosTally tally = verdict.judge("brokers", List.of(policy(0), backup("b1", 0), backup("b2", 1)));

        assertThat(tally.lost()).isEqualTo(1);
        assertThat(tally.stuck()).isEqualTo(2);
        assertThat(tally.validCompleted()).isZero();
        assertThat(tally.findings()).containsExactly(
                "policy of t1 (lifeboat.policies-0@0) is missing from the query API; the catalog has not consumed "
                        + "it (committed offset 0)",
                "backup b1 of t1 (lifeboat.backup.events-1@0) is missing from the query API although the catalog "
                        + "committed its input up to offset 1",
                "backup b2 of t1 (lifeboat.backup.events-1@1) is missing from lifeboat.catalog and the query API; "
                        + "the catalog has not consumed it (committed offset 1)");
    }

    @Test
    void anEntryOfABackupNeverSentIsAFinding() {
        CatalogVerdict verdict = new CatalogVerdict(List.of(entry("ghost", List.of(), T)), Set.of(), Map.of(),
                Map.of());

        assertThat(verdict.judge("brokers", List.of()).findings())
                .containsExactly("lifeboat.catalog has backup ghost, which was never sent");
    }

    private static SentFact policy(long offset) {
        return new SentFact("t1", null, POLICIES, offset);
    }

    private static SentFact backup(String id, long offset) {
        return new SentFact("t1", id, BACKUPS, offset);
    }

    private static CatalogEntry entry(String backupId, List<RetentionTag> tags, Instant updatedAt) {
        return new CatalogEntry(backupId, "t1", Engine.POSTGRES, BackupType.FULL, BackupPhase.COMPLETED, null, T,
                T, T, null, 1L, 1L, CatalogFacts.SHA, null, "STANDARD", tags, null, updatedAt, null, "cmd-" + backupId,
                null, null, null, null, null, null, null, null, null);
    }
}
