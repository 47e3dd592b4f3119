package io.lifeboat.health.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.lifeboat.events.health.ProbeObservation;

class HttpProbeTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final CountDownLatch release = new CountDownLatch(1);
    private HttpServer server;
    private String base;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/ok", exchange -> answer(exchange, 200));
        server.createContext("/down", exchange -> answer(exchange, 503));
        server.createContext("/moved", exchange -> {
            exchange.getResponseHeaders().add("Location", "/ok");
            answer(exchange, 302);
        });
        server.createContext("/hung", exchange -> {
            try {
                release.await(1, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            answer(exchange, 200);
        });
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stopServer() {
        release.countDown();
        server.stop(0);
    }

    @Test
    void passesOnStatus200() {
        ProbeObservation seen = probe(Map.of("url", base + "/ok"), TIMEOUT);

        assertThat(seen.ok()).as(seen.error()).isTrue();
        assertThat(seen.instance()).isEqualTo(base + "/ok");
        assertThat(seen.latency()).isNotNull();
    }

    @Test
    void passesOnARedirectWithoutFollowingIt() {
        ProbeObservation seen = probe(Map.of("url", base + "/moved"), TIMEOUT);

        assertThat(seen.ok()).as(seen.error()).isTrue();
    }

    @Test
    void failsNamingTheStatusOn503() {
        ProbeObservation seen = probe(Map.of("url", base + "/down"), TIMEOUT);

        assertThat(seen.ok()).isFalse();
        assertThat(seen.error()).isEqualTo("GET " + base + "/down answered status 503, expected 2xx or 3xx");
    }

    @Test
    void passesOnAStatusConfiguredAsExpected() {
        Map<String, String> options = new HashMap<>(Map.of("url", base + "/down"));
        options.put("expected-status", "200, 503");
        options.put("method", "head");

        ProbeObservation seen = probe(options, TIMEOUT);

        assertThat(seen.ok()).as(seen.error()).isTrue();
    }

    @Test
    void failsNamingTheTimeoutWhenTheServerAnswersTooLate() {
        ProbeObservation seen = probe(Map.of("url", base + "/hung"), Duration.ofMillis(300));

        assertThat(seen.ok()).isFalse();
        assertThat(seen.error()).isEqualTo("timed out after 300 ms: GET on " + base + "/hung");
    }

    @Test
    void failsNamingTheUrlWhenNothingListens() {
        String url = base + "/ok";
        server.stop(0);

        ProbeObservation seen = probe(Map.of("url", url), TIMEOUT);

        assertThat(seen.ok()).isFalse();
        assertThat(seen.error()).isIn("connection refused: " + url, "unable to connect to " + url);
    }

    private static ProbeObservation probe(Map<String, String> options, Duration timeout) {
        try (Probe probe = ProbeFactory.create("api", "http", options)) {
            return probe.probe(timeout).observation();
        }
    }

    private static void answer(HttpExchange exchange, int status) throws IOException {
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }
}
