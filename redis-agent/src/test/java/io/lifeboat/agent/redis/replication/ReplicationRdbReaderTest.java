package io.lifeboat.agent.redis.replication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** The socket side, against a fake source on a local server socket. */
class ReplicationRdbReaderTest {

    @Test
    void failsSayingHowManyBytesArrivedWhenTheSourceClosesMidPayload() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<Void> fake = serve(server, "+OK\r\n+OK\r\n\n$100\r\n0123456789", true);
            ReplicationRdbReader reader = new ReplicationRdbReader(source(server, Duration.ofSeconds(5)));
            ByteArrayOutputStream out = new ByteArrayOutputStream();

            assertThatThrownBy(() -> reader.fetch(out))
                    .isInstanceOf(ReplicationException.class)
                    .hasMessage("redis 127.0.0.1:" + server.getLocalPort()
                            + ": the source closed the connection after 10 of 100 bytes of the RDB payload");
            assertThat(out.toString(StandardCharsets.US_ASCII)).isEqualTo("0123456789");
            fake.get(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void failsNamingTheReadTimeoutWhenTheSourceGoesQuiet() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<Void> fake = serve(server, "+OK\r\n+OK\r\n\n", false);
            ReplicationRdbReader reader = new ReplicationRdbReader(source(server, Duration.ofMillis(300)));

            assertThatThrownBy(() -> reader.fetch(new ByteArrayOutputStream()))
                    .isInstanceOf(ReplicationException.class)
                    .hasMessageContaining("127.0.0.1:" + server.getLocalPort())
                    .hasMessageContaining("no data from the source for 300 ms");
            fake.get(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void failsNamingTheServerWhenNothingListens() throws IOException {
        int port;
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = server.getLocalPort();
        }
        ReplicationRdbReader reader = new ReplicationRdbReader(ReplicationSource.of("127.0.0.1", port));

        assertThatThrownBy(() -> reader.fetch(new ByteArrayOutputStream()))
                .hasMessageStartingWith("redis 127.0.0.1:" + port + ": unable to connect");
    }

    private static ReplicationSource source(ServerSocket server, Duration readTimeout) {
        return ReplicationSource.of("127.0.0.1", server.getLocalPort()).withTimeouts(Duration.ofSeconds(5),
                readTimeout);
    }

    /**
     * Accepts one connection, sends {@code replies} at once, then either closes its side ({@code close}) or stays
     * silent; in both cases it drains what the client sends until the client hangs up, so that no reset occurs.
     */
    private static CompletableFuture<Void> serve(ServerSocket server, String replies, boolean close) {
        return CompletableFuture.runAsync(() -> {
            try (Socket client = server.accept()) {
                client.getOutputStream().write(replies.getBytes(StandardCharsets.ISO_8859_1));
                client.getOutputStream().flush();
                if (close) {
                    client.shutdownOutput();
                }
                InputStream in = client.getInputStream();
                while (in.read() != -1) {
                    // drain
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
