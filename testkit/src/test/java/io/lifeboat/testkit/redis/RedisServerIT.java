package io.lifeboat.testkit.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.api.redisnode.RedisMaster;
import org.redisson.api.redisnode.RedisNode.InfoSection;
import org.redisson.api.redisnode.RedisNodes;
import org.redisson.config.Config;

import io.lifeboat.testkit.process.Await;

class RedisServerIT {

    private static RedisServer server;
    private static RedissonClient client;

    @BeforeAll
    static void startServer() {
        long begin = System.nanoTime();
        server = RedisServer.start(RedisOptions.defaults().withConfig("repl-diskless-sync-delay 0"));
        System.out.printf("redis-server started in %d ms%n", (System.nanoTime() - begin) / 1_000_000);
        client = connect(server.uri(), null);
    }

    @AfterAll
    static void closeServer() {
        client.shutdown();
        server.close();
    }

    @Test
    void returnsTheValueSetThroughRedisson() {
        client.getBucket("target:orders-db:health").set("healthy");

        assertThat(client.<String>getBucket("target:orders-db:health").get()).isEqualTo("healthy");
    }

    @Test
    void writesADumpRdbStartingWithTheRedisMagicOnBgsave() throws IOException {
        client.getMap("backup:2026-11-21").put("target", "cache");
        RedisMaster node = client.getRedisNodes(RedisNodes.SINGLE).getInstance();

        node.bgSave();
        Await.until("BGSAVE to finish", Duration.ofSeconds(30),
                () -> "0".equals(node.info(InfoSection.PERSISTENCE).get("rdb_bgsave_in_progress")),
                () -> node.info(InfoSection.PERSISTENCE).toString());

        Map<String, String> persistence = node.info(InfoSection.PERSISTENCE);
        assertThat(persistence).containsEntry("rdb_last_bgsave_status", "ok")
                .containsEntry("rdb_changes_since_last_save", "0");
        Path dump = server.dir().resolve("dump.rdb");
        try (InputStream in = Files.newInputStream(dump)) {
            assertThat(new String(in.readNBytes(5), StandardCharsets.US_ASCII)).isEqualTo("REDIS");
        }
    }

    @Test
    void appliesExtraConfigLinesAfterItsDefaults() {
        RedisMaster node = client.getRedisNodes(RedisNodes.SINGLE).getInstance();

        assertThat(node.getConfig("repl-diskless-sync-delay")).containsEntry("repl-diskless-sync-delay", "0");
        assertThat(node.getConfig("save")).containsEntry("save", "");
        assertThat(node.getConfig("dir")).containsEntry("dir", server.dir().toString());
    }

    @Test
    void servesClientsThatAuthenticateWhenRequirepassIsSet() {
        try (RedisServer guarded = RedisServer.start(RedisOptions.defaults().withConfig("requirepass s3cret"))) {
            RedissonClient authenticated = connect(guarded.uri(), "s3cret");
            try {
                authenticated.getBucket("fence").set("old-primary");
                assertThat(authenticated.<String>getBucket("fence").get()).isEqualTo("old-primary");
            } finally {
                authenticated.shutdown();
            }
            assertThat(rawReply(guarded.port(), "GET fence")).startsWith("-NOAUTH");
        }
    }

    @Test
    void stopsTheServerAndDeletesItsDirOnClose() {
        RedisServer closing = RedisServer.start();
        Path dir = closing.dir();
        assertThat(rawReply(closing.port(), "PING")).isEqualTo("+PONG");

        closing.close();

        assertThat(dir).doesNotExist();
        assertThatThrownBy(() -> rawReply(closing.port(), "PING")).hasMessageContaining("refused");
    }

    @Test
    void quotesTheServerLogWhenRedisRejectsItsConfig() {
        assertThatThrownBy(() -> RedisServer.start(RedisOptions.defaults().withConfig("maxmemory lots")))
                .hasMessageContaining("exited during start on 127.0.0.1:")
                .hasMessageContaining("FATAL CONFIG FILE ERROR")
                .hasMessageContaining("maxmemory lots");
    }

    private static RedissonClient connect(String uri, String password) {
        Config config = new Config();
        config.useSingleServer().setAddress(uri).setPassword(password).setConnectionMinimumIdleSize(1)
                .setConnectionPoolSize(2);
        return Redisson.create(config);
    }

    private static String rawReply(int port, String command) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            socket.setSoTimeout(2000);
            socket.getOutputStream().write((command + "\r\n").getBytes(StandardCharsets.US_ASCII));
            StringBuilder line = new StringBuilder();
            InputStream in = socket.getInputStream();
            for (int b = in.read(); b != -1 && b != '\r'; b = in.read()) {
                line.append((char) b);
            }
            return line.toString();
        } catch (IOException e) {
            throw new IllegalStateException("no reply from 127.0.0.1:" + port + ": " + e.getMessage(), e);
        }
    }
}
