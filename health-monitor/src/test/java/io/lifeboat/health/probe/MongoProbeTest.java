package io.lifeboat.health.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.lifeboat.events.health.ProbeObservation;
import io.lifeboat.testkit.mongo.MongoServer;

class MongoProbeTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private static MongoServer server;

    @BeforeAll
    static void startServer() {
        server = MongoServer.start();
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void passesWithTheServersRoleAgainstARunningServer() {
        String hostAndPort = server.connectionString().substring("mongodb://".length());

        try (Probe probe = ProbeFactory.create("docs", "mongodb", Map.of("uri", server.connectionString()))) {
            ProbeObservation seen = probe.probe(TIMEOUT).observation();

            assertThat(seen.ok()).as(seen.error()).isTrue();
            assertThat(seen.instance()).isEqualTo(hostAndPort);
            assertThat(seen.role()).isEqualTo("standalone");
        }
    }

    @Test
    void passesAgainOnTheSameClientForEveryCheck() {
        try (Probe probe = ProbeFactory.create("docs", "mongodb", Map.of("uri", server.connectionString()))) {
            ProbeObservation first = probe.probe(TIMEOUT).observation();
            ProbeObservation second = probe.probe(TIMEOUT).observation();

            assertThat(first.ok()).as(first.error()).isTrue();
            assertThat(second.ok()).as(second.error()).isTrue();
        }
    }

    @Test
    void failsNamingTheServerWhenItIsClosed() {
        MongoServer closed = MongoServer.start();
        String uri = closed.connectionString();
        closed.close();

        try (Probe probe = ProbeFactory.create("docs", "mongodb", Map.of("uri", uri))) {
            ProbeObservation seen = probe.probe(Duration.ofSeconds(2)).observation();

            assertThat(seen.ok()).isFalse();
            assertThat(seen.error()).isEqualTo("connection refused: " + uri.substring("mongodb://".length()));
        }
    }
}
