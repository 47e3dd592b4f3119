package io.lifeboat.cli.ops;

import static io.lifeboat.cli.ops.InProcess.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.lifeboat.cli.ops.InProcess.Run;
import io.lifeboat.events.envelope.LifeboatJson;

/** {@code policy apply} and {@code policy list} against a stand-in scheduler answering as PolicyResource does. */
class PolicyCommandTest {

    private static final String FILE = """
            policies:
              - targetId: orders-db
                engine: postgres
                tier: tier_1
                connectionRef: config://lifeboat.pg.targets.orders-db
                schedules:
                  - backupType: FULL
                    cron: "*/10 * * * *"
                rpo: 5m
                rto: 15m
              - targetId: cache-db
                engine: redis
                connectionRef: config://lifeboat.redis.targets.cache-db
                schedules:
                  - backupType: SNAPSHOT
                    cron: "*/5 * * * *"
                rpo: 10m
            """;

    /** A request as the stand-in received it. */
    private record Received(String method, String path, String user, String body) {
    }

    /** An answer of the stand-in: status and body. */
    private record Answer(int status, String body) {
    }

    /** What one run of the command printed and returned. */
    @TempDir
    Path dir;

    private HttpServer server;
    private String url;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();

    @BeforeEach
    void startStandIn() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::answer);
        server.start();
        url = "http://127.0.0.1:" + server.getAddress().getPort();
        answers.put("POST /api/policies/validate orders-db", new Answer(200, "{\"error\": \"no problems\", "
                + "\"problems\": [], \"warnings\": []}"));
        answers.put("POST /api/policies/validate cache-db", new Answer(200, "{\"error\": \"no problems\", "
                + "\"problems\": [], \"warnings\": [{\"field\": \"rto\", \"message\": \"none given\"}]}"));
        answers.put("PUT /api/policies/orders-db", new Answer(201, "{\"status\": \"defined\", \"warnings\": []}"));
        answers.put("PUT /api/policies/cache-db", new Answer(200, "{\"status\": \"unchanged\", \"warnings\": []}"));
    }

    @AfterEach
    void stopStandIn() {
        server.stop(0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String path = exchange.getRequestURI().getPath();
        received.add(new Received(exchange.getRequestMethod(), path,
                exchange.getRequestHeaders().getFirst("X-Lifeboat-User"), body));
        String key = exchange.getRequestMethod() + " " + path;
        if (path.endsWith("/validate")) {
            key += " " + LifeboatJson.mapper().readTree(body).path("targetId").asText();
        }
        Answer answer = answers.getOrDefault(key, new Answer(404, "{\"error\": \"not here\"}"));
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(answer.status(), bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private String policyFile() throws IOException {
        return Files.writeString(dir.resolve("policies.yaml"), FILE).toString();
    }

    @Test
    void validatesEveryPolicyThenPutsEachAsTheUserAndTellsWhatChanged() throws IOException {
        Run run = run("policy", "apply", "-f", policyFile(), "--as", "jane", "--scheduler", url);

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(received.stream().map(r -> r.method() + " " + r.path()).toList()).containsExactly(
                "POST /api/policies/validate", "POST /api/policies/validate", "PUT /api/policies/orders-db",
                "PUT /api/policies/cache-db");
        assertThat(received.get(2).user()).isEqualTo("jane");
        JsonNode sent = LifeboatJson.mapper().readTree(received.get(2).body());
        assertThat(List.of(sent.path("rpo").asText(), sent.path("schedules").get(0).path("cron").asText()))
                .containsExactly("5m", "*/10 * * * *");
        assertThat(run.out().lines().toList()).containsExactly("TARGET     ACTION     PROBLEMS  WARNINGS",
                "orders-db  created           0         0", "cache-db   unchanged         0         0");
    }

    @Test
    void appliesNothingAndNamesEveryProblemWithItsTargetWhenOnePolicyIsInvalid() throws IOException {
        answers.put("POST /api/policies/validate cache-db", new Answer(400, "{\"error\": \"policy of target "
                + "'cache-db' rejected: 1 problem(s)\", \"problems\": [{\"field\": \"schedules[0].cron\", "
                + "\"message\": \"not a cron expression\"}], \"warnings\": []}"));

        Run run = run("policy", "apply", "-f", policyFile(), "--scheduler", url);

        assertThat(run.exit()).isEqualTo(1);
        assertThat(received).allMatch(r -> r.method().equals("POST"));
        assertThat(run.err()).contains("target 'cache-db': schedules[0].cron: not a cron expression")
                .contains("nothing applied: 1 of 2 policies");
        assertThat(run.out()).contains("cache-db   rejected");
    }

    @Test
    void dryRunOnlyValidates() throws IOException {
        Run run = run("policy", "apply", "-f", policyFile(), "--dry-run", "--json", "--scheduler", url);

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(received).hasSize(2).allMatch(r -> r.path().equals("/api/policies/validate"));
        JsonNode result = LifeboatJson.mapper().readTree(run.out());
        assertThat(List.of(result.path("policies").get(0).path("action").asText(),
                result.path("policies").get(1).path("warnings").get(0).path("field").asText()))
                .containsExactly("valid", "rto");
    }

    @Test
    void namesTheFileWhenItIsNotAListOfPolicies() throws IOException {
        Path file = Files.writeString(dir.resolve("bad.yaml"), "targetId: orders-db\nengine: postgres\n");

        Run run = run("policy", "apply", "-f", file.toString(), "--scheduler", url);

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("policy file " + file + ": expected a list of policies");
        assertThat(received).isEmpty();
    }

    @Test
    void listShowsThePoliciesInForce() {
        answers.put("GET /api/policies", new Answer(200, "[{\"targetId\": \"orders-db\", \"engine\": \"POSTGRES\", "
                + "\"tier\": \"TIER_1\", \"rpo\": \"PT5M\", \"rto\": \"PT15M\", \"schedules\": [{\"backupType\": "
                + "\"FULL\", \"cron\": \"0 2 * * *\"}], \"definedBy\": \"jane\"}]"));

        Run run = run("policy", "list", "--scheduler", url);

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out().lines().toList()).containsExactly(
                "TARGET     ENGINE    TIER      RPO     RTO  SCHEDULES       DEFINED BY",
                "orders-db  POSTGRES  TIER_1  5m00s  15m00s  FULL 0 2 * * *  jane");
    }

    @Test
    void policyAloneIsWrongUsage() {
        assertThat(run("policy").exit()).isEqualTo(2);
    }
}
