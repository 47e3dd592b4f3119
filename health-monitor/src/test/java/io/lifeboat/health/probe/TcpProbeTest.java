package io.lifeboat.health.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.lifeboat.events.health.ProbeObservation;

class TcpProbeTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @Test
    void passesWhenThePortAcceptsConnections() throws IOException {
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            ProbeObservation seen = probe(server.getLocalPort());

            assertThat(seen.ok()).as(seen.error()).isTrue();
            assertThat(seen.instance()).isEqualTo("127.0.0.1:" + server.getLocalPort());
            assertThat(seen.latency()).isNotNull();
        }
    }

    @Test
    void failsNamingHostAndPortWhenNothingListens() throws IOException {
        int port;
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            port = server.getLocalPort();
        }

        ProbeObservation seen = probe(port);

        assertThat(seen.ok()).isFalse();
        assertThat(seen.error()).isEqualTo("connection refused: 127.0.0.1:" + port);
    }

    private static ProbeObservation probe(int port) {
        try (Probe probe = ProbeFactory.create("port", "tcp", Map.of("host", "127.0.0.1", "port", String.valueOf(
                port)))) {
            return probe.probe(TIMEOUT).observation();
        }
    }
}
