package io.lifeboat.cli.story;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;

import io.lifeboat.events.envelope.LifeboatJson;
import io.lifeboat.testkit.postgres.PostgresServer;

/**
 * What the story's chapters act on: the operator's verbs, the demo's PostgreSQL servers, the catalog's REST API and
 * the console the story is told on.
 *
 * @param ops the operator's verbs against the stack
 * @param primary the PostgreSQL demo target's primary at start
 * @param standby its streaming standby at start
 * @param restorePort the port a restore of the PostgreSQL target listens on
 * @param catalog the catalog's base URL
 * @param scheduler the scheduler's base URL
 * @param console where the story is told
 */
record StoryStage(OpsCall ops, PostgresServer primary, PostgresServer standby, int restorePort, String catalog,
        String scheduler, PrintStream console) {

    /** The PostgreSQL demo target's id. */
    static final String PG = "demo-pg";

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** Tells one line of the story. */
    void say(String line) {
        console.println("  " + line);
        console.flush();
    }

    /** Shows a verb's output, indented under the story's lines. */
    void show(String output) {
        output.lines().forEach(line -> console.println("    " + line));
        console.flush();
    }

    /** The catalog's view of a target ({@code GET /api/targets/{id}}). */
    JsonNode target(String targetId) throws IOException, InterruptedException {
        HttpResponse<String> response = get(catalog + "/api/targets/" + targetId);
        if (response.statusCode() != 200) {
            throw new StoryFailure("the catalog at " + catalog + " answered " + response.statusCode() + " for target '"
                    + targetId + "': " + response.body());
        }
        return LifeboatJson.mapper().readTree(response.body());
    }

    /** Whether the scheduler has a policy for the target ({@code GET /api/policies/{id}} answers 200). */
    boolean scheduled(String targetId) throws IOException, InterruptedException {
        return get(scheduler + "/api/policies/" + targetId).statusCode() == 200;
    }

    private static HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).header("Accept",
                "application/json").build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Asks {@code condition} every half second until it holds; an exception counts as "not yet" (a server restarting
     * answers with one) and is named if the time runs out.
     */
    void await(String what, Duration timeout, Callable<Boolean> condition) throws InterruptedException {
        Instant giveUp = Instant.now().plus(timeout);
        String lastError = "";
        while (true) {
            try {
                if (condition.call()) {
                    return;
                }
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception e) {
                lastError = "; last error: " + e.getMessage();
            }
            if (Instant.now().isAfter(giveUp)) {
                throw new StoryFailure("waited " + timeout.toSeconds() + " s for " + what + lastError);
            }
            Thread.sleep(500);
        }
    }

    /** Runs statements on {@code server} in one session. */
    static void execute(PostgresServer server, String... statements) throws SQLException {
        try (Connection connection = server.connect(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    /** The single number {@code sql} answers on the server at {@code jdbcUrl}. */
    long number(String jdbcUrl, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, primary.user(), primary.password());
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
