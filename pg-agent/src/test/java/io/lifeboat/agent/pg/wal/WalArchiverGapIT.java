package io.lifeboat.agent.pg.wal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.lifeboat.testkit.postgres.PostgresOptions;
import io.lifeboat.testkit.postgres.PostgresServer;
import io.lifeboat.testkit.process.Await;

class WalArchiverGapIT {

    @Test
    void reportsTheMissingSegmentsWhenTheSlotWasDroppedAndTheWalRemoved(@TempDir Path dir) throws Exception {
        try (PostgresServer server = PostgresServer.start(PostgresOptions.defaults().withConfig("wal_keep_size = 0",
                "min_wal_size = 32MB", "max_wal_size = 32MB"));
                WalArchiveFixture f = new WalArchiveFixture(server, "ledger", dir)) {
            f.sql("CREATE TABLE ledger (id serial PRIMARY KEY, note text)");
            try (WalArchiver archiver = f.start()) {
                f.await("the archiver to connect", () -> archiver.resumePoint().isPresent());
                String segment = f.currentSegment();
                f.sql("SELECT pg_switch_wal()");
                f.await("the first segment stored", () -> f.segments().contains(segment));
            }
            String tip = f.segments().get(f.segments().size() - 1);
            String firstMissing = WalSegments.fileName(1, WalSegments.segmentNumber(tip, 16L << 20) + 1, 16L << 20);
            f.sql("SELECT pg_drop_replication_slot('ledger_slot')");
            for (int i = 0; i < 6; i++) {
                f.sql("INSERT INTO ledger (note) SELECT 'row ' || g FROM generate_series(1, 1000) g",
                        "SELECT pg_switch_wal()", "CHECKPOINT");
            }
            Await.until("PostgreSQL to remove " + firstMissing, Duration.ofSeconds(30), () -> {
                try {
                    f.sql("CHECKPOINT");
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException(e);
                }
                return Files.exists(server.archiveDir().resolve(firstMissing))
                        && !Files.exists(server.dataDir().resolve("pg_wal").resolve(firstMissing));
            }, () -> "pg_wal still holds it");

            try (WalArchiver archiver = f.start()) {
                Await.until("the gap report", Duration.ofSeconds(30), () -> f.gap.get() != null,
                        () -> "failure: " + f.failure.get());
            }
            assertThat(f.gap.get().firstMissing()).isEqualTo(firstMissing);
            assertThat(f.gap.get().lastMissing()).isGreaterThanOrEqualTo(firstMissing);
            assertThat(f.gap.get()).hasMessageContaining("target 'ledger'").hasMessageContaining(firstMissing);
            assertThat(f.segments()).doesNotContain(firstMissing);
        }
    }
}
