package io.lifeboat.cli.ops;

import static io.lifeboat.cli.ops.InProcess.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.lifeboat.cli.ops.InProcess.Run;
import io.lifeboat.events.envelope.LifeboatJson;

/** The {@code backup} verb against a stand-in scheduler and catalog, and the verbs' exit codes. */
class BackupCommandTest {

    private static final String COMMAND = "6c1d0e4e-5d2a-4a8e-9f6b-0f3e7d2c1a00";

    /** A request as the stand-in received it. */
    private record Received(String method, String path, String idempotencyKey, String user, String traceparent,
            String body) {
    }

    /** What one run of the command printed and returned. */
    private HttpServer server;
    private String url;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, String> answers = new ConcurrentHashMap<>();
    private final AtomicInteger backupPolls = new AtomicInteger();

    @BeforeEach
    void startStandIn() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::answer);
        server.start();
        url = "http://127.0.0.1:" + server.getAddress().getPort();
        answers.put("GET /api/targets/orders-db", "{\"targetId\": \"orders-db\"}");
    }

    @AfterEach
    void stopStandIn() {
        server.stop(0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String key = exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath();
        received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                exchange.getRequestHeaders().getFirst("Idempotency-Key"),
                exchange.getRequestHeaders().getFirst("X-Lifeboat-User"),
                exchange.getRequestHeaders().getFirst("traceparent"), body));
        String answer = answers.get(key);
        if (key.equals("GET /api/targets/orders-db/backups")) {
            // The first poll finds the backup running, the next ones find it finished.
            answer = backupPolls.getAndIncrement() == 0 ? answers.get("running") : answers.get("finished");
        }
        int status = answer == null ? 404 : key.startsWith("POST") ? 202 : 200;
        byte[] bytes = (answer == null ? "{\"error\": \"not here\"}" : answer).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private void acceptBackups() {
        answers.put("POST /api/targets/orders-db/backups", "{\"commandId\": \"" + COMMAND + "\", \"targetId\": "
                + "\"orders-db\", \"backupType\": \"LOGICAL\", \"topic\": \"lifeboat.commands.postgres\", "
                + "\"deadline\": \"2026-11-21T11:00:00Z\"}");
    }

    private static String entry(String phase, String failureReason) {
        return "[{\"backupId\": \"bk-9\", \"backupType\": \"LOGICAL\", \"phase\": \"" + phase + "\", \"commandId\": \""
                + COMMAND + "\", \"storedBytes\": 2048" + (failureReason == null
                        ? ""
                        : ", \"failureReason\": \"" + failureReason + "\"")
                + "}]";
    }

    @Test
    void postsTheBackupWithTheGivenIdAsIdempotencyKeyAndPrintsTheCommandId() throws IOException {
        acceptBackups();

        Run run = run("backup", "orders-db", "--type", "logical", "--id", COMMAND, "--as", "jane",
                "--scheduler",
                url);

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo(COMMAND + "\n");
        assertThat(received).hasSize(1);
        Received post = received.get(0);
        assertThat(List.of(post.method(), post.path(), post.idempotencyKey(), post.user()))
                .containsExactly("POST", "/api/targets/orders-db/backups", COMMAND, "jane");
        assertThat(post.traceparent()).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
        JsonNode body = LifeboatJson.mapper().readTree(post.body());
        assertThat(body.path("backupType").asText()).isEqualTo("LOGICAL");
        assertThat(body.path("requestedBy").asText()).isEqualTo("jane");
    }

    @Test
    void usesARandomUuidAsIdempotencyKeyWhenNoIdIsGiven() {
        acceptBackups();

        Run run = run("--scheduler", url, "backup", "orders-db");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(received.get(0).idempotencyKey()).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-"
                + "[0-9a-f]{12}");
        assertThat(received.get(0).body()).doesNotContain("backupType");
    }

    @Test
    void waitsUntilTheCatalogHasTheBackupCompleted() {
        acceptBackups();
        answers.put("running", entry("RUNNING", null));
        answers.put("finished", entry("COMPLETED", null));

        Run run = run("backup", "orders-db", "--id", COMMAND, "--wait", "--poll", "1s", "--scheduler", url,
                "--catalog", url);

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.err()).contains("bk-9 RUNNING 2.0 KiB").contains("bk-9 COMPLETED 2.0 KiB after");
    }

    @Test
    void exitsWithOneNamingTheReasonWhenTheBackupFails() {
        acceptBackups();
        answers.put("running", entry("RUNNING", null));
        answers.put("finished", entry("FAILED", "pg_dump: connection refused"));

        Run run = run("backup", "orders-db", "--id", COMMAND, "--wait", "--poll", "1s", "--scheduler", url,
                "--catalog", url);

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("backup 'bk-9' of target 'orders-db' failed: pg_dump: connection refused");
    }

    @Test
    void passesOnTheSchedulersReasonWhenItRefusesTheBackup() {
        Run run = run("backup", "nobody", "--scheduler", url);

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("lifeboat backup: not here\n");
    }

    @Test
    void namesTheUnknownTargetAndExitsWithOne() {
        Run run = run("backups", "nobody", "--catalog", url);

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("target 'nobody' is not in the catalog at " + url);
    }

    @Test
    void saysHowToReachTheCatalogWhenNothingListensThere() throws IOException {
        server.stop(0);

        Run run = run("targets", "--catalog", url);

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).startsWith("lifeboat targets: catalog not reachable at " + url)
                .contains("start the stack with ./lifeboat demo or pass --catalog URL");
    }

    @Test
    void exitsWithTwoOnWrongUsage() {
        assertThat(run("restore", "orders-db").exit()).isEqualTo(2);
        assertThat(run("restore", "orders-db", "--at", "yesterday").exit()).isEqualTo(2);
        assertThat(run("failover", "orders-db", "--approve", "drill-1").exit()).isEqualTo(2);
        assertThat(run("failover", "orders-db", "--approve", "restore-1", "--reject").exit()).isEqualTo(2);
        assertThat(run("backups").exit()).isEqualTo(2);
        assertThat(run().exit()).isEqualTo(2);
    }
}
