package io.lifeboat.cli.ops;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;

import io.lifeboat.events.envelope.LifeboatJson;

/** The HTTP calls of the verbs: one client, short timeouts, and a message that names the service when it is down. */
final class Http {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    // HTTP/1.1: the JDK client's default offers Quarkus an h2c upgrade, and a large answer (a target's backups list of
    // a few MB) then failed as a broken HTTP/2 frame ("Frame type(115) length(3157026) exceeds MAX_FRAME_SIZE").
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(TIMEOUT).build();
    private final String service;
    private final String base;
    private final String option;

    /**
     * @param service the service's name, e.g. {@code catalog}
     * @param base its base URL, e.g. {@code http://localhost:8086}
     * @param option the option that sets the URL, e.g. {@code --catalog}
     */
    Http(String service, String base, String option) {
        this.service = service;
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.option = option;
    }

    String base() {
        return base;
    }

    HttpResponse<String> send(HttpRequest.Builder request, String path) {
        try {
            return client.send(request.uri(uri(path)).timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new OpsFailure(service + " not reachable at " + base + " (" + reason(e) + "): start the stack with "
                    + "./lifeboat demo or pass " + option + " URL", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OpsFailure("interrupted while asking the " + service + " at " + base, e);
        }
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder().GET().header("Accept", "application/json"), path);
    }

    JsonNode json(HttpResponse<String> response, String what) {
        try {
            return LifeboatJson.mapper().readTree(response.body());
        } catch (IOException e) {
            throw new OpsFailure("the " + service + " at " + base + " answered " + what + " with something that is "
                    + "not JSON (HTTP " + response.statusCode() + "): is " + option + " the " + service + "'s URL?", e);
        }
    }

    OpsFailure unexpected(HttpResponse<String> response, String what) {
        String body = response.body() == null ? "" : response.body().strip();
        String detail = body.isEmpty() ? "" : ": " + (body.length() > 300 ? body.substring(0, 300) + "..." : body);
        return new OpsFailure("the " + service + " at " + base + " answered " + what + " with HTTP "
                + response.statusCode() + detail);
    }

    private URI uri(String path) {
        try {
            return URI.create(base + path);
        } catch (IllegalArgumentException e) {
            throw new OpsFailure(option + " '" + base + "' is not a URL such as http://localhost:8086", e);
        }
    }

    private static String reason(IOException e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
