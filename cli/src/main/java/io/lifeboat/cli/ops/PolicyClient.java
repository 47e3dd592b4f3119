package io.lifeboat.cli.ops;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/** The scheduler's policy API: validate, define (PUT) and list policies ({@code /api/policies}). */
public final class PolicyClient {

    /** The header that names who defines a policy, recorded as its {@code definedBy}. */
    public static final String USER_HEADER = "X-Lifeboat-User";

    private final Http http;

    /**
     * One problem (or warning) the scheduler found in a policy.
     *
     * @param targetId the policy's target
     * @param field path of the field, e.g. {@code schedules[0].cron}
     * @param message what is wrong
     */
    public record Problem(String targetId, String field, String message) {
    }

    /**
     * The scheduler's answer to one policy.
     *
     * @param targetId the policy's target
     * @param action {@code valid}, {@code created}, {@code updated}, {@code unchanged}, {@code accepted} (sent, not
     *        yet in force) or {@code rejected}
     * @param problems why it was rejected; empty otherwise
     * @param warnings settings accepted but probably not meant
     */
    public record Answer(String targetId, String action, List<Problem> problems, List<Problem> warnings) {

        /** Whether the scheduler refused the policy. */
        public boolean rejected() {
            return "rejected".equals(action);
        }
    }

    /** A client of the scheduler at {@code baseUrl}, e.g. {@code http://localhost:8081}. */
    public PolicyClient(String baseUrl) {
        this.http = new Http("scheduler", baseUrl, "--scheduler");
    }

    /** Checks one policy without defining it ({@code POST /api/policies/validate}). */
    public Answer validate(String targetId, JsonNode policy) {
        String path = "/api/policies/validate";
        HttpResponse<String> response = http.send(json(HttpRequest.newBuilder()
                .POST(HttpRequest.BodyPublishers.ofString(policy.toString()))), path);
        return answer(targetId, response, "POST " + path, "valid");
    }

    /** Creates or replaces the policy of {@code targetId} ({@code PUT /api/policies/{targetId}}) as {@code user}. */
    public Answer define(String targetId, JsonNode policy, String user) {
        String path = "/api/policies/" + URLEncoder.encode(targetId, StandardCharsets.UTF_8).replace("+", "%20");
        HttpResponse<String> response = http.send(json(HttpRequest.newBuilder()
                .PUT(HttpRequest.BodyPublishers.ofString(policy.toString()))).header(USER_HEADER, user), path);
        if (response.statusCode() == 201) {
            return answer(targetId, response, "PUT " + path, "created");
        }
        if (response.statusCode() == 202) {
            return answer(targetId, response, "PUT " + path, "accepted");
        }
        String status = response.statusCode() == 200
                ? http.json(response, "PUT " + path).path("status").asText("")
                : "";
        return answer(targetId, response, "PUT " + path, "unchanged".equals(status) ? "unchanged" : "updated");
    }

    /** Every policy in force, as the scheduler returns them. */
    public JsonNode list() {
        HttpResponse<String> response = http.get("/api/policies");
        if (response.statusCode() != 200) {
            throw http.unexpected(response, "GET /api/policies");
        }
        return http.json(response, "GET /api/policies");
    }

    private Answer answer(String targetId, HttpResponse<String> response, String what, String action) {
        int status = response.statusCode();
        if (status != 200 && status != 201 && status != 202 && status != 400) {
            throw http.unexpected(response, what);
        }
        JsonNode body = http.json(response, what);
        List<Problem> warnings = problems(targetId, body.path("warnings"));
        if (status != 400) {
            return new Answer(targetId, action, List.of(), warnings);
        }
        List<Problem> problems = problems(targetId, body.path("problems"));
        if (problems.isEmpty()) {
            // A body that cannot be read has an error but no field problems.
            problems = List.of(new Problem(targetId, "policy", body.path("error").asText("rejected")));
        }
        return new Answer(targetId, "rejected", problems, warnings);
    }

    private static List<Problem> problems(String targetId, JsonNode list) {
        List<Problem> problems = new ArrayList<>();
        list.forEach(p -> problems.add(new Problem(targetId, p.path("field").asText(""), p.path("message")
                .asText(""))));
        return problems;
    }

    private static HttpRequest.Builder json(HttpRequest.Builder request) {
        return request.header("Content-Type", "application/json").header("Accept", "application/json");
    }
}
