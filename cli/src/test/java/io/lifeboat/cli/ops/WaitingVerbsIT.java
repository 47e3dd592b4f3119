package io.lifeboat.cli.ops;

import static io.lifeboat.cli.ops.InProcess.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.lifeboat.cli.ops.InProcess.Run;
import io.lifeboat.events.Command;
import io.lifeboat.events.Engine;
import io.lifeboat.events.LifeboatMessage;
import io.lifeboat.events.Topics;
import io.lifeboat.events.backup.BackupVerified;
import io.lifeboat.events.backup.VerificationFailed;
import io.lifeboat.events.backup.VerifyBackup;
import io.lifeboat.events.dr.DrCommandRefused;
import io.lifeboat.events.dr.DrRunStep;
import io.lifeboat.events.dr.DrRunUpdated;
import io.lifeboat.events.dr.DrillCompleted;
import io.lifeboat.events.dr.FailoverCompleted;
import io.lifeboat.events.envelope.Envelope;
import io.lifeboat.events.envelope.EventCodec;
import io.lifeboat.events.envelope.LifeboatJson;
import io.lifeboat.testkit.kafka.KafkaBroker;
import io.lifeboat.testkit.process.Await;

/**
 * The verbs that read what Lifeboat answers, on one real broker: {@code watch}, {@code verify},
 * {@code drill --wait} and {@code failover --wait}; the services' answers are published by the test.
 */
class WaitingVerbsIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final Instant T = Instant.parse("2026-11-21T09:00:00Z");
    private static final EventCodec CODEC = new EventCodec();
    private static final String SHA = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    private static KafkaBroker broker;
    private static KafkaProducer<String, byte[]> producer;
    private static HttpServer catalog;
    private static String catalogUrl;

    /** What one run of the command printed and returned. */
    @BeforeAll
    static void start() throws IOException {
        broker = KafkaBroker.start();
        for (var topic : Topics.all()) {
            broker.createTopic(topic.name(), 1, topic.compacted());
        }
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()),
                new StringSerializer(), new ByteArraySerializer());
        catalog = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        catalog.createContext("/", WaitingVerbsIT::answerAsCatalog);
        catalog.start();
        catalogUrl = "http://127.0.0.1:" + catalog.getAddress().getPort();
    }

    @AfterAll
    static void stop() {
        catalog.stop(0);
        producer.close();
        broker.close();
    }

    /** A catalog that knows one PostgreSQL target, orders-db, with one backup, bk-9. */
    private static void answerAsCatalog(HttpExchange exchange) throws IOException {
        String answer = switch (exchange.getRequestURI().getPath()) {
            case "/api/targets" -> "[{\"targetId\": \"orders-db\", \"engine\": \"POSTGRES\"}]";
            case "/api/targets/orders-db" -> "{\"targetId\": \"orders-db\"}";
            case "/api/targets/orders-db/backups" -> "[{\"backupId\": \"bk-9\", \"phase\": \"COMPLETED\"}]";
            default -> null;
        };
        byte[] bytes = (answer == null ? "{\"error\": \"not here\"}" : answer).getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(answer == null ? 404 : 200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static CompletableFuture<Run> runInBackground(String... args) {
        return CompletableFuture.supplyAsync(() -> run(args));
    }

    private static void publish(LifeboatMessage... messages) throws Exception {
        for (LifeboatMessage message : messages) {
            producer.send(CODEC.encode(Envelope.of(Envelope.sourceOf("test"), message))).get();
        }
    }

    /** The command with this id, once the verb has published it to {@code topic}. */
    private static Envelope<?> awaitCommand(String topic, String commandId) {
        Envelope<?>[] found = new Envelope<?>[1];
        Await.until("command " + commandId + " on " + topic, PATIENCE, () -> {
            broker.readCommitted(topic, Duration.ofSeconds(5)).stream().map(CODEC::decode)
                    .filter(e -> e.payload() instanceof Command c && c.commandId().equals(commandId))
                    .forEach(e -> found[0] = e);
            return found[0] != null;
        }, () -> "not published");
        return found[0];
    }

    private static Run finished(CompletableFuture<Run> run) throws Exception {
        return run.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
    }

    @Test
    void watchCountsTheTargetsEventsAndShowsAMalformedRecordWithoutStopping() throws Exception {
        producer.send(new ProducerRecord<>(Topics.BACKUP_EVENTS.name(), "watch-db",
                "not a cloud event".getBytes(StandardCharsets.UTF_8))).get();
        publish(new BackupVerified("c-w0", "other-db", "bk-0", SHA, 1, T),
                new BackupVerified("c-w1", "watch-db", "bk-1", SHA, 2048, T),
                new VerificationFailed("c-w2", "watch-db", "bk-2", "checksum", "part 3 differs", null, null, T));

        Run run = run("watch", "--topic", Topics.BACKUP_EVENTS.name(), "--target", "watch-db",
                "--from-beginning",
                "--count", "2", "--timeout", "60s", "--bootstrap", broker.bootstrapServers());

        assertThat(run.exit()).as(run.err()).isZero();
        List<String> lines = run.out().lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).contains("lifeboat.backup.events").contains("UNDECODABLE").contains("watch-db");
        assertThat(lines.get(1)).matches("\\S+Z +lifeboat.backup.events +BackupVerified +watch-db "
                + "+backupId=bk-1");
        assertThat(lines.get(2)).contains("VerificationFailed").contains("failedStep=checksum reason=part 3 "
                + "differs");
    }

    @Test
    void watchPrintsOneCloudEventPerLineForTheNamedTypeAndFailsWhenTooFewArrive() throws Exception {
        publish(new FailoverCompleted("failover-c-x", "pg-failover", "x", null, "db1", "db2",
                Duration.ofSeconds(30), Duration.ofMinutes(15), T, T, null, null));

        Run run = run("watch", "--target", "x", "--type", "FailoverCompleted", "--count", "1", "--timeout",
                "90s",
                "--since", "10m", "--json", "--bootstrap", broker.bootstrapServers());
        Run tooFew = run("watch", "--target", "x", "--type", "FailoverCompleted", "--count", "2", "--timeout",
                "3s",
                "--since", "10m", "--json", "--bootstrap", broker.bootstrapServers());

        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode event = LifeboatJson.mapper().readTree(run.out().lines().findFirst().orElseThrow());
        assertThat(List.of(event.path("type").asText(), event.path("subject").asText(),
                event.path("data").path("newPrimary").asText())).containsExactly(
                        "io.lifeboat.dr.failover-completed.v1", "x", "db2");
        assertThat(tooFew.exit()).isEqualTo(1);
        assertThat(tooFew.err()).contains("1 of 2 event(s) of type FailoverCompleted of target 'x' arrived within "
                + "3s");
    }

    @Test
    void verifyPublishesVerifyBackupToTheEnginesCommandTopicAndExitsZeroWhenVerified() throws Exception {
        CompletableFuture<Run> verify = runInBackground("verify", "bk-9", "--id", "c-verify", "--as", "jane",
                "--bootstrap", broker.bootstrapServers(), "--catalog", catalogUrl);

        Envelope<?> command = awaitCommand(Topics.COMMANDS_POSTGRES.name(), "c-verify");
        publish(new BackupVerified("c-verify", "orders-db", "bk-9", SHA, 2048, T));
        Run run = finished(verify);

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("c-verify\n");
        VerifyBackup sent = (VerifyBackup) command.payload();
        assertThat(sent).isEqualTo(new VerifyBackup("c-verify", "orders-db", Engine.POSTGRES, "bk-9", "jane",
                sent.deadline(), 1));
        assertThat(run.err()).contains("verified, 2.0 KiB checked");
    }

    @Test
    void verifyExitsOneWithTheReasonWhenVerificationFails() throws Exception {
        CompletableFuture<Run> verify = runInBackground("verify", "bk-9", "--target", "orders-db", "--id",
                "c-verify-bad", "--json", "--bootstrap", broker.bootstrapServers(), "--catalog", catalogUrl);

        awaitCommand(Topics.COMMANDS_POSTGRES.name(), "c-verify-bad");
        publish(new VerificationFailed("c-verify-bad", "orders-db", "bk-9", "checksum", "part 3 differs", null, null,
                T));
        Run run = finished(verify);

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("FAILED at step 'checksum': part 3 differs");
        JsonNode outcome = LifeboatJson.mapper().readTree(run.out());
        assertThat(List.of(outcome.path("result").asText(), outcome.path("outcome").path("reason").asText()))
                .containsExactly("FAILED", "part 3 differs");
    }

    @Test
    void verifyOfAnUnknownBackupExitsOneNamingIt() {
        Run run = run("verify", "bk-nope", "--bootstrap", broker.bootstrapServers(), "--catalog", catalogUrl);

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("backup 'bk-nope' is not in the catalog at " + catalogUrl
                + " (searched every target)");
    }

    @Test
    void drillWaitFollowsTheRunToCompletionAndPrintsItsStepsAndOutcome() throws Exception {
        CompletableFuture<Run> drill = runInBackground("drill", "orders-db", "--wait", "--json", "--id", "c-wait",
                "--bootstrap", broker.bootstrapServers(), "--catalog", catalogUrl);

        awaitCommand(Topics.DR_COMMANDS.name(), "c-wait");
        publish(runUpdate("drill-c-wait", "RUNNING", "DONE", "RUNNING"),
                runUpdate("drill-other", "FAILED", "DONE", "FAILED"),
                runUpdate("drill-c-wait", "COMPLETED", "DONE", "DONE"),
                new DrillCompleted("c-wait", "orders-db", "bk-9",
                        true, Duration.ofSeconds(42), Duration.ofMinutes(15), null, T, T));
        Run run = finished(drill);

        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode result = LifeboatJson.mapper().readTree(run.out());
        assertThat(List.of(result.path("runId").asText(), result.path("state").asText(),
                result.path("steps").get(1).path("name").asText(), result.path("steps").get(1).path("state").asText(),
                result.path("outcomeType").asText(), result.path("outcome").path("passed").asText(),
                result.path("outcome").path("restoreTime").asText())).containsExactly("drill-c-wait", "COMPLETED",
                        "await-restore", "DONE", "DrillCompleted", "true", "PT42S");
    }

    @Test
    void drillWaitExitsOneWithTheFailedStepsNote() throws Exception {
        CompletableFuture<Run> drill = runInBackground("drill", "orders-db", "--wait", "--id", "c-wait-bad",
                "--bootstrap", broker.bootstrapServers(), "--catalog", catalogUrl);

        awaitCommand(Topics.DR_COMMANDS.name(), "c-wait-bad");
        publish(runUpdate("drill-c-wait-bad", "FAILED", "DONE", "FAILED"), new DrillCompleted("c-wait-bad", "orders-db",
                "bk-9", false, Duration.ofSeconds(42), Duration.ofMinutes(15), "restore failed", T, T));
        Run run = finished(drill);

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).isEqualTo("drill-c-wait-bad\n");
        assertThat(run.err()).contains("run drill-c-wait-bad of 'orders-db' is FAILED: step 'await-restore' failed: "
                + "await-restore FAILED");
    }

    @Test
    void failoverWaitExitsOneWithTheReasonWhenTheOrchestratorRefusesTheCommand() throws Exception {
        String holdDown = "target 'orders-db' failed over at 2026-11-21T08:50:00Z and is in its PT30M hold-down";
        CompletableFuture<Run> failover = runInBackground("failover", "orders-db", "--wait", "--id", "c-refused",
                "--bootstrap", broker.bootstrapServers(), "--catalog", catalogUrl);
        CompletableFuture<Run> failoverJson = runInBackground("failover", "orders-db", "--wait", "--json", "--id",
                "c-refused-json", "--bootstrap", broker.bootstrapServers(), "--catalog", catalogUrl);

        awaitCommand(Topics.DR_COMMANDS.name(), "c-refused");
        awaitCommand(Topics.DR_COMMANDS.name(), "c-refused-json");
        publish(new DrCommandRefused("c-other", "orders-db", "failover-c-other", "StartFailover", "another", T),
                new DrCommandRefused("c-refused", "orders-db", "failover-c-refused", "StartFailover", holdDown, T),
                new DrCommandRefused("c-refused-json", "orders-db", "failover-c-refused-json", "StartFailover",
                        holdDown, T));
        Run run = finished(failover);
        Run json = finished(failoverJson);

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).isEqualTo("failover-c-refused\n");
        assertThat(run.err()).contains("refused: " + holdDown).doesNotContain("another");
        assertThat(json.exit()).isEqualTo(1);
        JsonNode result = LifeboatJson.mapper().readTree(json.out());
        assertThat(List.of(result.path("runId").asText(), result.path("state").asText(),
                result.path("reason").asText())).containsExactly("failover-c-refused-json", "REFUSED", holdDown);
    }

    private static DrRunUpdated runUpdate(String runId, String status, String first, String second) {
        List<DrRunStep> steps = List.of(new DrRunStep("provision", "provision", false, first, 1, null, null, null),
                new DrRunStep("await-restore", "await-restore", false, second, 1, "await-restore " + second, null,
                        null));
        return new DrRunUpdated(runId, "orders-db", "postgres-drill", "DRILL", "AUTOMATIC", false, status, steps, 1,
                null, "jane", "drill", List.of(), null, T, T, null, null, List.of(), Map.of());
    }
}
