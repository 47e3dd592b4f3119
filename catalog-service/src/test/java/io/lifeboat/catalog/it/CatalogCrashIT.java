package io.lifeboat.catalog.it;

import static io.lifeboat.catalog.testing.Facts.completed;
import static io.lifeboat.catalog.testing.Facts.policy;
import static io.lifeboat.catalog.testing.Facts.started;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.lifeboat.catalog.testing.Facts;
import io.lifeboat.events.LifeboatMessage;
import io.lifeboat.events.Topics;
import io.lifeboat.events.catalog.CatalogEntry;
import io.lifeboat.events.envelope.EventCodec;
import io.lifeboat.events.rpo.RpoLagMeasured;
import io.lifeboat.testkit.kafka.KafkaBroker;
import io.lifeboat.testkit.process.Await;
import io.lifeboat.testkit.process.ServiceJar;

/**
 * Exactly-once across a crash: the packaged catalog is killed with SIGKILL while a transaction holding catalog
 * entries is open; a new instance with an empty state directory restores the committed state from the changelog,
 * folds the rest again, and no catalog entry is published twice to read_committed readers. The broker is this
 * test's own, so no other catalog instance of the test JVM writes to the same topics.
 */
class CatalogCrashIT {

    private static final EventCodec CODEC = new EventCodec();
    private static final int TARGETS = 40;
    private static KafkaBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = KafkaBroker.start();
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @Test
    void publishesNoCatalogEntryTwiceAfterACrashMidTransactionAndRestoresStateFromTheChangelog() throws Exception {
        // Long transactions: the first commit comes 15 s after processing starts, so the crash falls inside one. A
        // new instance with another state directory has another transactional id: the broker aborts the crashed
        // transaction only when it times out (20 s), and until then read_committed readers wait.
        Map<String, String> slowCommits = Map.of("kafka-streams.commit.interval.ms", "15000",
                "kafka-streams.producer.transaction.timeout.ms", "20000",
                "kafka-streams.session.timeout.ms", "6000", "kafka-streams.heartbeat.interval.ms", "1500",
                "lifeboat.catalog.rpo.tick", "200ms", "lifeboat.catalog.rpo.publish-interval", "1s");
        Instant t0 = Instant.now().minus(Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS);
        List<LifeboatMessage> first = new ArrayList<>();
        List<LifeboatMessage> second = new ArrayList<>();
        for (int i = 0; i < TARGETS; i++) {
            String db = "crash-db-" + i;
            first.add(policy(db, Duration.ofHours(6), Facts.KEEP_MUCH, t0));
            first.add(started(db, db + "-b1", t0));
            first.add(completed(db, db + "-b1", t0.plusSeconds(60)));
            second.add(started(db, db + "-b2", t0.plusSeconds(3600)));
            second.add(completed(db, db + "-b2", t0.plusSeconds(3660)));
        }

        ServiceJar a = CatalogProcess.start("catalog-a", broker.bootstrapServers(),
                Files.createTempDirectory("catalog-a-"), slowCommits);
        CatalogKafka.send(broker.bootstrapServers(), first.toArray(LifeboatMessage[]::new));
        Await.until("the first batch committed", Duration.ofSeconds(60),
                () -> completedIds(catalog(true)).size() == TARGETS, () -> "not yet");
        CatalogKafka.send(broker.bootstrapServers(), second.toArray(LifeboatMessage[]::new));
        Await.until("the second batch written but not committed", Duration.ofSeconds(15),
                () -> completedIds(catalog(false)).size() > TARGETS, () -> "not yet");
        assertThat(completedIds(catalog(true))).as("still inside the transaction").hasSize(TARGETS);
        a.crash();

        Instant restart = Instant.now();
        Path emptyState = Files.createTempDirectory("catalog-b-");
        try (ServiceJar b = CatalogProcess.start("catalog-b", broker.bootstrapServers(), emptyState,
                Map.of("kafka-streams.session.timeout.ms", "6000", "lifeboat.catalog.rpo.tick", "200ms",
                        "lifeboat.catalog.rpo.publish-interval", "1s"))) {
            Await.until("every backup committed", Duration.ofSeconds(120),
                    () -> completedIds(catalog(true)).size() == 2 * TARGETS, () -> "not yet");

            Map<String, Long> committed = count(catalog(true));
            assertThat(committed.keySet().stream().map(v -> v.substring(0, v.indexOf('@'))).distinct())
                    .hasSize(2 * TARGETS);
            assertThat(committed).as("each entry version once").allSatisfy(
                    (version, times) -> assertThat(times).as(version).isEqualTo(1L));
            Map<String, Long> uncommitted = count(catalog(false));
            assertThat(uncommitted.values()).as("the crashed transaction's writes, aborted").anySatisfy(
                    times -> assertThat(times).isGreaterThan(1L));

            // Only the changelog can have told b about the first backups: it never folded them itself.
            String target = b.get("/api/targets/crash-db-7").body();
            assertThat(target).contains("\"earliestRestorable\":\"" + t0.plusSeconds(60) + "\"")
                    .contains("crash-db-7-b2");
            Await.until("RPO lag measured after the restart", Duration.ofSeconds(30),
                    () -> CatalogKafka.read(broker, Topics.RPO.name(), RpoLagMeasured.class).stream()
                            .anyMatch(l -> l.targetId().equals("crash-db-7") && l.measuredAt().isAfter(restart)
                                    && t0.plusSeconds(3660).equals(l.restorablePoint())),
                    () -> "no lag measured by the new instance");
        }
    }

    private static List<String> completedIds(List<CatalogEntry> entries) {
        return entries.stream().filter(e -> e.phase() == io.lifeboat.events.backup.BackupPhase.COMPLETED)
                .map(CatalogEntry::backupId).distinct().toList();
    }

    private static Map<String, Long> count(List<CatalogEntry> entries) {
        // A version of an entry is its content without the time it was written: the same change folded twice.
        return entries.stream().collect(Collectors.groupingBy(e -> e.backupId() + "@" + e.phase() + e.retentionTags()
                + e.storageTier() + e.verifiedAt() + e.expireRequestedAt(), Collectors.counting()));
    }

    private static List<CatalogEntry> catalog(boolean committedOnly) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, committedOnly ? "read_committed" : "read_uncommitted");
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.CATALOG.name()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            List<CatalogEntry> entries = new ArrayList<>();
            Instant deadline = Instant.now().plusSeconds(10);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))
                    && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.value() != null && record.headers().lastHeader("ce_type") != null) {
                        entries.add((CatalogEntry) CODEC.decode(record).payload());
                    }
                }
            }
            return entries;
        }
    }
}
