package io.lifeboat.agentkit.storage;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import com.sun.net.httpserver.HttpServer;

import software.amazon.awssdk.core.exception.ApiCallTimeoutException;

/** A stat with a patience ends when the patience does, against a store that accepts requests and never answers. */
class S3StatPatienceTest {

    private final CountDownLatch released = new CountDownLatch(1);
    private HttpServer server;

    @AfterEach
    void stop() {
        released.countDown();
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    // Without the patience the call would wait for the socket timeout of every attempt: fail instead of hanging.
    @Timeout(60)
    void aStatWithPatienceGivesUpWhenItRunsOutWhateverTheAttemptsLeft() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            if (exchange.getRequestURI().getQuery() != null && exchange.getRequestURI().getQuery().contains(
                    "object-lock")) {
                // The store has no Object Lock: answered, so that the store opens.
                byte[] body = ("<Error><Code>ObjectLockConfigurationNotFoundError</Code><Message>none</Message>"
                        + "</Error>").getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(404, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
                return;
            }
            try {
                // Every other request hangs, as a store behind a dead network path does.
                released.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        server.start();
        StoreSettings settings = StoreSettings.s3("bucket")
                .withEndpoint(URI.create("http://127.0.0.1:" + server.getAddress().getPort()), true)
                .withCredentials("us-east-1", "access", "secret");

        try (S3ObjectStore store = new S3ObjectStore(settings)) {
            assertThatThrownBy(() -> store.stat("pg/probe/manifest.json", Duration.ofMillis(500)))
                    .isInstanceOf(IOException.class).hasMessageContaining("unable to stat object 'pg/probe/manifest"
                            + ".json'")
                    .hasCauseInstanceOf(ApiCallTimeoutException.class);
        }
    }
}
