package io.lifeboat.health.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.lifeboat.events.health.ProbeObservation;
import io.lifeboat.events.health.WatchedResource;
import io.lifeboat.testkit.redis.RedisOptions;
import io.lifeboat.testkit.redis.RedisServer;

class RedisProbeTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private static RedisServer limited;

    @BeforeAll
    static void startServer() {
        limited = RedisServer.start(RedisOptions.defaults().withConfig("maxmemory 100mb"));
    }

    @AfterAll
    static void stopServer() {
        if (limited != null) {
            limited.close();
        }
    }

    @Test
    void passesWithRoleMasterAndReportsMemoryAgainstMaxmemory() {
        ProbeResult result = probe(limited.uri());

        ProbeObservation seen = result.observation();
        assertThat(seen.ok()).as(seen.error()).isTrue();
        assertThat(seen.role()).isEqualTo("master");
        assertThat(seen.instance()).isEqualTo("127.0.0.1:" + limited.port());
        assertThat(result.usages()).singleElement().satisfies(usage -> {
            assertThat(usage.resource()).isEqualTo(WatchedResource.MEMORY);
            assertThat(usage.instance()).isEqualTo("127.0.0.1:" + limited.port());
            assertThat(usage.used()).isBetween(0.0, 1.0);
            assertThat(usage.detail()).contains("of 100 MiB used of maxmemory on 127.0.0.1:" + limited.port());
        });
    }

    @Test
    void reportsNoMemoryUsageWithoutMaxmemory() {
        try (RedisServer unlimited = RedisServer.start()) {
            ProbeResult result = probe(unlimited.uri());

            assertThat(result.observation().ok()).as(result.observation().error()).isTrue();
            assertThat(result.usages()).isEmpty();
        }
    }

    @Test
    void passesWithRoleSlaveOnAReplica() {
        try (RedisServer replica = RedisServer.start(RedisOptions.defaults().withConfig("replicaof 127.0.0.1 "
                + limited.port()))) {
            ProbeObservation seen = probe(replica.uri()).observation();

            assertThat(seen.ok()).as(seen.error()).isTrue();
            assertThat(seen.role()).isEqualTo("slave");
        }
    }

    @Test
    void failsNamingHostAndPortWhenTheServerIsStopped() {
        RedisServer stopped = RedisServer.start();
        stopped.close();

        ProbeObservation seen = probe(stopped.uri()).observation();

        assertThat(seen.ok()).isFalse();
        assertThat(seen.error()).isEqualTo("connection refused: 127.0.0.1:" + stopped.port());
    }

    @Test
    void failsWhenThePasswordIsRequiredAndMissing() {
        try (RedisServer guarded = RedisServer.start(RedisOptions.defaults().withConfig("requirepass s3cret"))) {
            ProbeObservation denied = probe(guarded.uri()).observation();
            ProbeObservation admitted;
            try (Probe probe = ProbeFactory.create("cache", "redis", Map.of("address", guarded.uri(), "password",
                    "s3cret"))) {
                admitted = probe.probe(TIMEOUT).observation();
            }

            assertThat(denied.ok()).isFalse();
            assertThat(denied.error()).isEqualTo("connect on 127.0.0.1:" + guarded.port()
                    + " failed: NOAUTH Authentication required.");
            assertThat(admitted.ok()).as(admitted.error()).isTrue();
        }
    }

    @Test
    void timesOutWhenTheServerNeverAnswers() throws Exception {
        try (ServerSocket silent = new ServerSocket(0)) {
            ProbeObservation seen;
            try (Probe probe = ProbeFactory.create("cache", "redis", Map.of("address", "redis://127.0.0.1:" + silent
                    .getLocalPort()))) {
                seen = probe.probe(Duration.ofSeconds(1)).observation();
            }

            assertThat(seen.ok()).isFalse();
            assertThat(seen.error()).startsWith("timed out after 1 s: ").endsWith(" on 127.0.0.1:" + silent
                    .getLocalPort());
        }
    }

    private static ProbeResult probe(String address) {
        try (Probe probe = ProbeFactory.create("cache", "redis", Map.of("address", address))) {
            return probe.probe(TIMEOUT);
        }
    }
}
