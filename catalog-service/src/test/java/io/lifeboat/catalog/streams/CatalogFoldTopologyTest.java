package io.lifeboat.catalog.streams;

import static io.lifeboat.catalog.testing.Facts.completed;
import static io.lifeboat.catalog.testing.Facts.expired;
import static io.lifeboat.catalog.testing.Facts.failed;
import static io.lifeboat.catalog.testing.Facts.policy;
import static io.lifeboat.catalog.testing.Facts.started;
import static io.lifeboat.catalog.testing.Facts.verificationFailed;
import static io.lifeboat.catalog.testing.Facts.verified;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.lifeboat.catalog.testing.Facts;
import io.lifeboat.events.Topics;
import io.lifeboat.events.backup.BackupPhase;
import io.lifeboat.events.catalog.CatalogEntry;
import io.lifeboat.events.deadletter.DeadLetterHeaders;
import io.lifeboat.events.envelope.Envelope;
import io.lifeboat.events.envelope.EventCodec;
import io.lifeboat.events.rpo.RpoLagMeasured;

/** Every fold rule of the catalog, driven through the topology with facts in order, twice, late and malformed. */
class CatalogFoldTopologyTest {

    private static final Instant T0 = Instant.parse("2026-11-21T02:00:00Z");
    private static final String DB = "orders-db";

    private final CatalogDriver driver = new CatalogDriver(T0);

    @AfterEach
    void close() {
        driver.close();
    }

    @Test
    void foldsStartCompletionAndVerificationIntoOneEntryPerChange() {
        driver.send(started(DB, "b1", T0));
        driver.send(completed(DB, "b1", T0.plusSeconds(60)));
        driver.send(verified(DB, "b1", T0.plusSeconds(600)));

        List<CatalogEntry> published = driver.catalog();
        assertThat(published).extracting(CatalogEntry::phase).containsExactly(BackupPhase.RUNNING,
                BackupPhase.COMPLETED, BackupPhase.COMPLETED);
        CatalogEntry last = published.get(2);
        assertThat(last.consistentAt()).isEqualTo(T0.plusSeconds(60));
        assertThat(last.storedBytes()).isEqualTo(400_000L);
        assertThat(last.startPosition()).isEqualTo("0/" + "b1".hashCode());
        assertThat(last.commandId()).isEqualTo("cmd-b1");
        assertThat(last.verifiedAt()).isEqualTo(T0.plusSeconds(600));
        assertThat(driver.entry(DB, "b1")).isEqualTo(last);
    }

    @Test
    void publishesNothingForAFactDeliveredTwice() {
        driver.send(completed(DB, "b1", T0));
        driver.send(completed(DB, "b1", T0));
        driver.send(verified(DB, "b1", T0.plusSeconds(60)));
        driver.send(verified(DB, "b1", T0.plusSeconds(60)));

        assertThat(driver.catalog()).hasSize(2);
    }

    @Test
    void keepsTheCompletedPhaseWhenTheStartArrivesLate() {
        driver.send(completed(DB, "b1", T0));
        driver.send(started(DB, "b1", T0.minusSeconds(60)));

        assertThat(driver.entry(DB, "b1").phase()).isEqualTo(BackupPhase.COMPLETED);
        assertThat(driver.catalog()).extracting(CatalogEntry::phase).containsOnly(BackupPhase.COMPLETED);
    }

    @Test
    void doesNotBringAnExpiredBackupBackWhenItsCompletionIsRedelivered() {
        driver.send(completed(DB, "b1", T0));
        driver.send(expired(DB, "exp-1", List.of("b1"), T0.plusSeconds(3600)));
        driver.send(completed(DB, "b1", T0));

        CatalogEntry entry = driver.entry(DB, "b1");
        assertThat(entry.phase()).isEqualTo(BackupPhase.EXPIRED);
        assertThat(entry.expiryReason()).isEqualTo("deleted by ExpireBackups exp-1");
        assertThat(driver.catalog()).extracting(CatalogEntry::phase).containsExactly(BackupPhase.COMPLETED,
                BackupPhase.EXPIRED);
    }

    @Test
    void keepsTheFirstOutcomeWhenAFailureFollowsACompletion() {
        driver.send(completed(DB, "b1", T0));
        driver.send(failed(DB, "b1", T0.plusSeconds(5)));

        assertThat(driver.entry(DB, "b1").phase()).isEqualTo(BackupPhase.COMPLETED);
    }

    @Test
    void recordsAFailedBackupOnItsEntryAndOnTheTarget() {
        driver.send(started(DB, "b1", T0));
        driver.send(failed(DB, "b1", T0.plusSeconds(5)));
        driver.send(failed(DB, "never-started", T0.plusSeconds(10)));

        assertThat(driver.entry(DB, "b1").phase()).isEqualTo(BackupPhase.FAILED);
        assertThat(driver.entry(DB, "b1").failureReason()).isEqualTo("upload: unable to upload part 3: timeout");
        assertThat(driver.entry(DB, "never-started")).isNull();
        assertThat(driver.target(DB).getLastFailure().backupId()).isEqualTo("never-started");
        assertThat(driver.target(DB).getNotes()).extracting(n -> n.kind()).containsExactly("BackupFailed",
                "BackupFailed");
    }

    @Test
    void keepsAVerificationFailureThatIsNewerThanALateSuccess() {
        driver.send(completed(DB, "b1", T0));
        driver.send(verificationFailed(DB, "b1", T0.plusSeconds(7200)));
        driver.send(verified(DB, "b1", T0.plusSeconds(3600)));

        CatalogEntry entry = driver.entry(DB, "b1");
        assertThat(entry.verifiedAt()).isEqualTo(T0.plusSeconds(3600));
        assertThat(entry.verificationFailure()).isEqualTo("checksum: part 2 does not match its manifest");

        driver.send(verified(DB, "b1", T0.plusSeconds(9000)));
        assertThat(driver.entry(DB, "b1").verificationFailure()).isNull();
    }

    @Test
    void catalogsBackupsOfATargetWithoutPolicyButMeasuresNoLag() {
        driver.send(completed("unknown-db", "u1", T0));
        driver.advance(Duration.ofMinutes(2));

        assertThat(driver.entry("unknown-db", "u1").phase()).isEqualTo(BackupPhase.COMPLETED);
        assertThat(driver.read(Topics.RPO.name())).isEmpty();
        assertThat(driver.read(Topics.COMMANDS_POSTGRES.name())).isEmpty();
    }

    @Test
    void ignoresAVerificationOfABackupTheCatalogNeverSaw() {
        driver.send(verified(DB, "ghost", T0));

        assertThat(driver.entry(DB, "ghost")).isNull();
        assertThat(driver.catalog()).isEmpty();
    }

    @Test
    void deadLettersAMalformedRecordWithItsReasonAndGoesOn() {
        byte[] garbage = "{not json".getBytes(StandardCharsets.UTF_8);
        driver.sendRaw(Topics.BACKUP_EVENTS.name(), DB, garbage, new RecordHeaders());
        driver.send(completed(DB, "b1", T0));

        var dead = driver.raw(Topics.DEADLETTER.name());
        assertThat(dead).hasSize(1);
        assertThat(dead.get(0).value()).isEqualTo(garbage);
        assertThat(CatalogDriver.header(dead.get(0), DeadLetterHeaders.TOPIC)).isEqualTo(Topics.BACKUP_EVENTS.name());
        assertThat(CatalogDriver.header(dead.get(0), DeadLetterHeaders.REASON)).isNotBlank();
        assertThat(driver.entry(DB, "b1").phase()).isEqualTo(BackupPhase.COMPLETED);
    }

    @Test
    void deadLettersAFactWhoseKeyIsNotItsTarget() {
        ProducerRecord<String, byte[]> record = new EventCodec()
                .encode(Envelope.of(Envelope.sourceOf("test"), completed(DB, "b1", T0)));
        driver.sendRaw(record.topic(), "other-db", record.value(), record.headers());

        var dead = driver.raw(Topics.DEADLETTER.name());
        assertThat(dead).hasSize(1);
        assertThat(CatalogDriver.header(dead.get(0), DeadLetterHeaders.REASON))
                .contains("record key 'other-db' is not the target id 'orders-db'");
        assertThat(driver.entry(DB, "b1")).isNull();
    }

    @Test
    void ignoresAnOlderPolicyVersionAndRemovesTheTargetFromTheRpoTopicOnATombstone() {
        driver.send(policy(DB, Duration.ofMinutes(5), Facts.KEEP_MUCH, T0));
        driver.send(policy(DB, Duration.ofMinutes(60), Facts.KEEP_MUCH, T0.minusSeconds(3600)));
        assertThat(driver.target(DB).getPolicy().rpo()).isEqualTo(Duration.ofMinutes(5));
        assertThat(driver.read(Topics.RPO.name(), RpoLagMeasured.class)).isNotEmpty();

        driver.tombstone(Topics.POLICIES.name(), DB);

        assertThat(driver.target(DB).getPolicy()).isNull();
        var rpo = driver.raw(Topics.RPO.name());
        assertThat(rpo).hasSize(1);
        assertThat(rpo.get(0).key()).isEqualTo(DB);
        assertThat(rpo.get(0).value()).isNull();
    }

    @Test
    void ignoresAnArchiveReportOlderThanTheRecordedTip() {
        driver.send(Facts.archived(DB, T0.plusSeconds(100), T0.plusSeconds(100), T0.plusSeconds(100)));
        driver.send(Facts.archived(DB, T0.plusSeconds(50), T0.plusSeconds(50), T0.plusSeconds(50)));

        assertThat(driver.target(DB).getArchive().archivedCommitTime()).isEqualTo(T0.plusSeconds(100));
    }
}
