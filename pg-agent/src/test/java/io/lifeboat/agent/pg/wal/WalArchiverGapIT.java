package io.lifeboat.agent.pg.wal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.replication.LogSequenceNumber;

import io.lifeboat.events.Engine;
import io.lifeboat.events.Topics;
import io.lifeboat.events.archive.ArchiveFailed;
import io.lifeboat.events.archive.ArchiveFailure;
import io.lifeboat.events.envelope.Envelope;
import io.lifeboat.events.envelope.EventCodec;
import io.lifeboat.testkit.kafka.KafkaBroker;
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

            ArchiveFailed fact = reportedOnTheArchiveTopic(f);
            assertThat(fact.engine()).isEqualTo(Engine.POSTGRES);
            assertThat(fact.missingFrom()).isEqualTo(firstMissing);
            assertThat(fact.missingTo()).isEqualTo(f.gap.get().lastMissing());
            assertThat(LogSequenceNumber.valueOf(fact.archivedPosition()).asLong())
                    .isEqualTo(WalSegments.segmentNumber(firstMissing, 16L << 20) * (16L << 20));
            assertThat(fact.timeline()).isEqualTo(1L);
            assertThat(fact.retrying()).isTrue();
            assertThat(fact.reason()).contains("target 'ledger'").contains(firstMissing)
                    .doesNotContain(server.password());
        }
    }

    /** Runs the target as the agent does, its failures written to the real broker, and reads the GAP fact back. */
    private static ArchiveFailed reportedOnTheArchiveTopic(WalArchiveFixture f) {
        KafkaBroker broker = KafkaBroker.shared();
        broker.createTopic(Topics.ARCHIVE_EVENTS.name(), 3, false);
        EventCodec codec = new EventCodec();
        ScheduledExecutorService restarts = Executors.newSingleThreadScheduledExecutor();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(), ProducerConfig.ACKS_CONFIG,
                "all"), new StringSerializer(), new ByteArraySerializer())) {
            ArchivedTarget target = new ArchivedTarget("ledger", f::archiver, progress -> {
            }, failed -> producer.send(codec.encode(Envelope.of(Envelope.sourceOf("pg-agent"), failed))), restarts,
                    Clock.systemUTC());
            target.start();
            try {
                Await.until("ArchiveFailed GAP of target 'ledger' on " + Topics.ARCHIVE_EVENTS.name(),
                        Duration.ofSeconds(60), () -> !gaps(broker, codec).isEmpty(), () -> "none yet");
            } finally {
                target.close();
            }
            return gaps(broker, codec).get(0);
        } finally {
            restarts.shutdownNow();
        }
    }

    private static List<ArchiveFailed> gaps(KafkaBroker broker, EventCodec codec) {
        return broker.readCommitted(Topics.ARCHIVE_EVENTS.name(), Duration.ofSeconds(30)).stream().map(codec::decode)
                .map(Envelope::payload).filter(ArchiveFailed.class::isInstance).map(ArchiveFailed.class::cast)
                .filter(a -> a.targetId().equals("ledger") && a.failure() == ArchiveFailure.GAP).toList();
    }
}
