package io.lifeboat.cli.ops;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import io.lifeboat.cli.ops.domain.BackupSummary;
import io.lifeboat.cli.ops.domain.TargetSummary;

/** Reads targets and backups from catalog-service's query API ({@code /api/targets}). */
public final class CatalogClient {

    private final Http http;

    /** A client of the catalog at {@code baseUrl}, e.g. {@code http://localhost:8086}. */
    public CatalogClient(String baseUrl) {
        this.http = new Http("catalog", baseUrl, "--catalog");
    }

    /** Every target, in the catalog's order (red first, then amber, green and unprotected). */
    public List<TargetSummary> targets() {
        HttpResponse<String> response = http.get("/api/targets");
        if (response.statusCode() != 200) {
            throw http.unexpected(response, "GET /api/targets");
        }
        List<TargetSummary> targets = new ArrayList<>();
        http.json(response, "GET /api/targets").forEach(node -> targets.add(target(node)));
        return targets;
    }

    /**
     * The backups of a target, newest first.
     *
     * @throws OpsFailure naming the target when the catalog does not know it
     */
    public List<BackupSummary> backups(String targetId) {
        requireTarget(targetId);
        String path = "/api/targets/" + encode(targetId) + "/backups";
        HttpResponse<String> response = http.get(path);
        if (response.statusCode() != 200) {
            throw http.unexpected(response, "GET " + path);
        }
        List<BackupSummary> backups = new ArrayList<>();
        http.json(response, "GET " + path).forEach(node -> backups.add(backup(node)));
        return backups;
    }

    /** The backup a RunBackup with this command id produced, once the catalog has heard of it. */
    public Optional<BackupSummary> backupOfCommand(String targetId, String commandId) {
        return backups(targetId).stream().filter(b -> commandId.equals(b.commandId())).findFirst();
    }

    /**
     * Checks that the catalog knows the target.
     *
     * @throws OpsFailure naming the target when it does not
     */
    public void requireTarget(String targetId) {
        String path = "/api/targets/" + encode(targetId);
        HttpResponse<String> response = http.get(path);
        if (response.statusCode() == 404) {
            throw new OpsFailure("target '" + targetId + "' is not in the catalog at " + http.base()
                    + ": 'lifeboat targets' lists the targets it knows");
        }
        if (response.statusCode() != 200) {
            throw http.unexpected(response, "GET " + path);
        }
    }

    private static TargetSummary target(JsonNode node) {
        Map.Entry<String, JsonNode> newest = null;
        List<Map.Entry<String, JsonNode>> last = new ArrayList<>();
        node.path("lastSuccess").fields().forEachRemaining(last::add);
        newest = last.stream().filter(e -> instant(e.getValue().path("at")) != null)
                .max(Comparator.comparing(e -> instant(e.getValue().path("at")))).orElse(null);
        return new TargetSummary(node.path("targetId").asText(), text(node.path("engine")),
                text(node.path("status")), number(node.path("lagSeconds")), number(node.path("rpoSeconds")),
                node.path("breached").asBoolean(false),
                newest == null ? null : text(newest.getValue().path("backupId")),
                newest == null ? null : instant(newest.getValue().path("at")));
    }

    private static BackupSummary backup(JsonNode node) {
        return new BackupSummary(node.path("backupId").asText(), text(node.path("backupType")),
                text(node.path("phase")), text(node.path("commandId")), instant(node.path("completedAt")),
                number(node.path("storedBytes")), instant(node.path("verifiedAt")), text(node.path("failureReason")));
    }

    private static String text(JsonNode node) {
        return node.isMissingNode() || node.isNull() ? null : node.asText();
    }

    private static Long number(JsonNode node) {
        return node.isNumber() ? node.asLong() : null;
    }

    private static Instant instant(JsonNode node) {
        String text = text(node);
        return text == null ? null : Instant.parse(text);
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
