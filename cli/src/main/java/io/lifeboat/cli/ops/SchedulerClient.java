package io.lifeboat.cli.ops;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.lifeboat.events.envelope.LifeboatJson;
import io.lifeboat.events.envelope.TraceContext;

/**
 * Asks scheduler-service for a backup now: {@code POST /api/targets/{id}/backups} with an Idempotency-Key and a W3C
 * {@code traceparent}.
 */
public final class SchedulerClient {

    private final Http http;

    /**
     * The command the scheduler published.
     *
     * @param commandId id of the RunBackup; the agent's facts and the catalog entry carry it
     * @param targetId the target
     * @param backupType kind of backup the scheduler asked for
     * @param topic the command topic the RunBackup went to
     * @param deadline instant after which the agent will not start it, ISO-8601
     */
    public record Accepted(String commandId, String targetId, String backupType, String topic, String deadline) {
    }

    /** A client of the scheduler at {@code baseUrl}, e.g. {@code http://localhost:8081}. */
    public SchedulerClient(String baseUrl) {
        this.http = new Http("scheduler", baseUrl, "--scheduler");
    }

    /**
     * Asks for a backup of a target.
     *
     * @param targetId the target
     * @param backupType kind of backup, e.g. {@code FULL}, or null for the policy's first scheduled type
     * @param commandId the Idempotency-Key: the same key asks for the same backup once
     * @param user who asks, recorded as the command's requestedBy
     * @return what the scheduler published
     * @throws OpsFailure with the scheduler's reason when it refuses
     */
    public Accepted requestBackup(String targetId, String backupType, String commandId, String user) {
        ObjectNode body = LifeboatJson.mapper().createObjectNode();
        if (backupType != null) {
            body.put("backupType", backupType);
        }
        body.put("requestedBy", user);
        String path = "/api/targets/" + URLEncoder.encode(targetId, StandardCharsets.UTF_8).replace("+", "%20")
                + "/backups";
        HttpRequest.Builder request = HttpRequest.newBuilder()
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .header("Idempotency-Key", commandId).header("X-Lifeboat-User", user);
        // The scheduler puts the RunBackup, and so the agent's facts, in this trace.
        TraceContext trace = TraceContext.continuing(System.getenv(DrCommandPublisher.TRACEPARENT_ENV),
                System.getenv(DrCommandPublisher.TRACESTATE_ENV));
        request.header(TraceContext.TRACEPARENT, trace.traceparent());
        if (trace.tracestate() != null) {
            request.header(TraceContext.TRACESTATE, trace.tracestate());
        }
        HttpResponse<String> response = http.send(request, path);
        if (response.statusCode() == 404 || response.statusCode() == 400) {
            JsonNode problem = http.json(response, "POST " + path);
            String error = problem.path("error").asText("");
            throw new OpsFailure(error.isBlank()
                    ? "the scheduler refused a backup of target '" + targetId + "' (HTTP " + response.statusCode()
                            + ")"
                    : error);
        }
        if (response.statusCode() != 202 && response.statusCode() != 200) {
            throw http.unexpected(response, "POST " + path);
        }
        JsonNode accepted = http.json(response, "POST " + path);
        return new Accepted(accepted.path("commandId").asText(commandId), accepted.path("targetId").asText(targetId),
                accepted.path("backupType").asText(backupType), accepted.path("topic").asText(null),
                accepted.path("deadline").asText(null));
    }
}
