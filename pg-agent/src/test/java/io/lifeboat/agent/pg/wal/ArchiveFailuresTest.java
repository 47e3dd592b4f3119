package io.lifeboat.agent.pg.wal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import io.lifeboat.agentkit.agent.RepeatFilter;
import io.lifeboat.events.archive.ArchiveFailed;
import io.lifeboat.events.archive.ArchiveFailure;

class ArchiveFailuresTest {

    private static final Instant NOW = Instant.parse("2026-11-21T23:00:00Z");

    @Test
    void namesTheKindOfEveryStop() {
        assertThat(ArchiveFailures.kind(new SQLException("password authentication failed", "28P01")))
                .isEqualTo(ArchiveFailure.SOURCE_UNAVAILABLE);
        assertThat(ArchiveFailures.kind(new IOException("x", new SQLException("Connection refused", "08001"))))
                .isEqualTo(ArchiveFailure.SOURCE_UNAVAILABLE);
        assertThat(ArchiveFailures.kind(new SQLException("must be superuser or replication role", "42501")))
                .isEqualTo(ArchiveFailure.SOURCE_UNAVAILABLE);
        assertThat(ArchiveFailures.kind(new IOException("wrapped", new WalStoreException("unable to store",
                new IOException("disk full"))))).isEqualTo(ArchiveFailure.STORE_UNAVAILABLE);
        assertThat(ArchiveFailures.kind(new WalTimelineException("not an ancestor")))
                .isEqualTo(ArchiveFailure.TIMELINE);
        assertThat(ArchiveFailures.kind(new IOException("stream sent 0/5 where 0/4 was expected")))
                .isEqualTo(ArchiveFailure.OTHER);
    }

    @Test
    void aGapNamesTheMissingSegmentsAndTheStoredTip() {
        WalGapException gap = new WalGapException("ledger", "000000010000000000000005", "000000010000000000000007",
                "0/5000000", "requested WAL segment 000000010000000000000005 has already been removed", null);
        ArchiveFailed fact = ArchiveFailures.of("ledger", gap, null, NOW);
        assertThat(fact.failure()).isEqualTo(ArchiveFailure.GAP);
        assertThat(fact.missingFrom()).isEqualTo("000000010000000000000005");
        assertThat(fact.missingTo()).isEqualTo("000000010000000000000007");
        assertThat(fact.archivedPosition()).isEqualTo("0/5000000");
        assertThat(fact.timeline()).isEqualTo(1L);
        assertThat(fact.retrying()).isTrue();
        assertThat(fact.reason()).contains("target 'ledger'").contains("000000010000000000000005");
    }

    @Test
    void theSameFailurePassesOnceAMinuteAndAnotherOneAtOnce() {
        MutableClock clock = new MutableClock();
        RepeatFilter filter = new RepeatFilter(Duration.ofMinutes(1), clock);
        assertThat(filter.pass("gap 5-7")).isTrue();
        clock.now = NOW.plusSeconds(20);
        assertThat(filter.pass("gap 5-7")).isFalse();
        clock.now = NOW.plusSeconds(61);
        assertThat(filter.pass("gap 5-7")).isTrue();
        clock.now = NOW.plusSeconds(62);
        assertThat(filter.pass("refused")).isTrue();
        assertThat(filter.pass("gap 5-7")).isTrue();
    }

    private static final class MutableClock extends Clock {
        Instant now = NOW;

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
