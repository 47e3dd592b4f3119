package io.lifeboat.cli.ops;

import static io.lifeboat.cli.ops.InProcess.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.lifeboat.cli.ops.InProcess.Run;
import io.lifeboat.events.Engine;
import io.lifeboat.events.LifeboatMessage;
import io.lifeboat.events.Topics;
import io.lifeboat.events.backup.BackupCompleted;
import io.lifeboat.events.backup.BackupType;
import io.lifeboat.events.backup.StorageLocation;
import io.lifeboat.events.envelope.Envelope;
import io.lifeboat.events.envelope.EventCodec;
import io.lifeboat.events.envelope.LifeboatJson;
import io.lifeboat.events.policy.BackupSchedule;
import io.lifeboat.events.policy.FailoverMode;
import io.lifeboat.events.policy.PolicyDefined;
import io.lifeboat.events.policy.ProtectionTier;
import io.lifeboat.events.policy.Retention;
import io.lifeboat.testkit.kafka.KafkaBroker;
import io.lifeboat.testkit.process.Await;
import io.lifeboat.testkit.process.ServiceJar;
import io.lifeboat.testkit.process.TempDirs;

/** {@code targets}, {@code backups} and {@code rpo} against the packaged catalog-service fed over a real broker. */
class CatalogVerbsIT {

    private static final Duration PATIENCE = Duration.ofSeconds(120);
    private static final String SHA = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    // Whole seconds, as the tables show them.
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    private static KafkaBroker broker;
    private static ServiceJar catalog;
    private static String url;

    /** What one run of the command printed and returned. */
    @BeforeAll
    static void startCatalog() throws Exception {
        broker = KafkaBroker.start();
        for (var topic : Topics.all()) {
            broker.createTopic(topic.name(), 1, topic.compacted());
        }
        String bootstrap = broker.bootstrapServers();
        Path work = TempDirs.create("cli-catalog");
        catalog = ServiceJar.start(Path.of("../catalog-service/target/quarkus-app/quarkus-run.jar"), "catalog",
                "384m", PATIENCE, port -> Map.of("kafka.bootstrap.servers", bootstrap,
                        "quarkus.kafka-streams.bootstrap-servers", bootstrap,
                        "quarkus.kafka-streams.application-server", "localhost:" + port,
                        "kafka-streams.state.dir", work.resolve("catalog-state").toString()));
        url = "http://localhost:" + catalog.port();
        publish(policy("orders-db"), policy("cache-db"),
                completed("orders-db", "bk-fresh", NOW.minusSeconds(60)),
                completed("cache-db", "bk-old", NOW.minus(Duration.ofHours(2))));
        Await.until("both backups in the catalog", PATIENCE,
                () -> run("targets", "--catalog", url).out().contains("bk-fresh")
                        && run("targets", "--catalog", url).out().contains("bk-old"),
                () -> "catalog shows: " + run("targets", "--catalog", url).out() + "; its log: " + catalog.log());
    }

    @AfterAll
    static void stop() {
        if (catalog != null) {
            catalog.close();
        }
        broker.close();
    }

    private static PolicyDefined policy(String target) {
        return new PolicyDefined(target, Engine.POSTGRES, "secret://lifeboat/" + target, ProtectionTier.TIER_1,
                List.of(new BackupSchedule(BackupType.FULL, "0 2 * * *")), false, Duration.ofMinutes(5),
                Duration.ofHours(1), new Retention(0, 7, 4, 12, 7, null), List.of(), null, null, FailoverMode.MANUAL,
                "test", NOW.minus(Duration.ofHours(3)));
    }

    private static BackupCompleted completed(String target, String backupId, Instant consistentAt) {
        return new BackupCompleted(backupId, target, Engine.POSTGRES, BackupType.FULL, "cmd-" + backupId, null,
                consistentAt.minusSeconds(30), consistentAt, consistentAt, "0/1000000", "0/2000000", 4_000_000,
                1_572_864, SHA, new StorageLocation("lifeboat", target + "/" + backupId + "/"), "STANDARD", null);
    }

    private static void publish(LifeboatMessage... messages) throws Exception {
        EventCodec codec = new EventCodec();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()), new StringSerializer(),
                new ByteArraySerializer())) {
            for (LifeboatMessage message : messages) {
                producer.send(codec.encode(Envelope.of(Envelope.sourceOf("test"), message))).get();
            }
        }
    }

    @Test
    void targetsShowsEachTargetWithStatusLagAndNewestBackup() {
        Run run = run("targets", "--catalog", url);

        assertThat(run.exit()).as(run.err()).isZero();
        List<String> lines = run.out().lines().toList();
        assertThat(lines.get(0)).matches("TARGET +ENGINE +STATUS +LAG +RPO +NEWEST BACKUP +COMPLETED");
        // The catalog lists red targets first.
        assertThat(lines.get(1)).matches("cache-db +POSTGRES +RED +2h0\\dm +5m00s +bk-old +"
                + NOW.minus(Duration.ofHours(2)));
        assertThat(lines.get(2)).matches("orders-db +POSTGRES +GREEN +1m\\d\\ds +5m00s +bk-fresh +"
                + NOW.minusSeconds(60));
    }

    @Test
    void targetsJsonCarriesTheSameFields() throws Exception {
        Run run = run("targets", "--json", "--catalog", url);

        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode targets = LifeboatJson.mapper().readTree(run.out());
        JsonNode orders = targets.get(1);
        assertThat(List.of(orders.path("targetId").asText(), orders.path("status").asText(),
                orders.path("newestBackupId").asText(), orders.path("rpoSeconds").asText()))
                .containsExactly("orders-db", "GREEN", "bk-fresh", "300");
    }

    @Test
    void backupsShowsTheTargetsBackups() throws Exception {
        Run table = run("backups", "orders-db", "--catalog", url);
        Run json = run("--catalog", url, "--json", "backups", "orders-db");

        assertThat(table.exit()).as(table.err()).isZero();
        assertThat(table.out().lines().toList()).containsExactly(
                "BACKUP    TYPE  PHASE      COMPLETED                SIZE  VERIFIED",
                "bk-fresh  FULL  COMPLETED  " + NOW.minusSeconds(60) + "  1.5 MiB  -");
        JsonNode backup = LifeboatJson.mapper().readTree(json.out()).get(0);
        assertThat(List.of(backup.path("backupId").asText(), backup.path("phase").asText(),
                backup.path("commandId").asText(), backup.path("storedBytes").asText()))
                .containsExactly("bk-fresh", "COMPLETED", "cmd-bk-fresh", "1572864");
    }

    @Test
    void rpoListsTheWorstFirstAndExitsWithThreeOnABreach() throws Exception {
        Run run = run("rpo", "--catalog", url);
        Run json = run("rpo", "--json", "--catalog", url);

        assertThat(run.exit()).isEqualTo(3);
        List<String> lines = run.out().lines().toList();
        assertThat(lines.get(1)).matches("cache-db +2h0\\dm +5m00s +\\d+% +BREACH");
        assertThat(lines.get(2)).matches("orders-db +1m\\d\\ds +5m00s +\\d+% +OK");
        assertThat(run.err()).contains("1 target(s) over their RPO: cache-db");
        assertThat(json.exit()).isEqualTo(3);
        JsonNode lines0 = LifeboatJson.mapper().readTree(json.out());
        assertThat(List.of(lines0.get(0).path("targetId").asText(), lines0.get(0).path("breach").asBoolean(),
                lines0.get(1).path("breach").asBoolean())).containsExactly("cache-db", true, false);
    }

    @Test
    void backupsOfAnUnknownTargetExitsWithOneNamingIt() {
        Run run = run("backups", "nobody", "--catalog", url);

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("lifeboat backups: target 'nobody' is not in the catalog at " + url
                + ": 'lifeboat targets' lists the targets it knows\n");
    }
}
