package io.lifeboat.agent.redis.replication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Base64;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.lifeboat.agent.redis.rdb.RdbChecksum;
import io.lifeboat.agent.redis.rdb.RdbSummary;
import io.lifeboat.agent.redis.rdb.RdbTap;
import io.lifeboat.agent.redis.testing.RespCommands;
import io.lifeboat.testkit.redis.RedisOptions;
import io.lifeboat.testkit.redis.RedisServer;

/** Fetches RDBs from a real redis-server with SYNC and PSYNC, disk-based ($len) and diskless ($EOF:). */
class ReplicationRdbReaderIT {

    /** RDB format version written by each Redis release line. */
    private static final Map<String, Integer> RDB_VERSIONS = Map.of("6.0", 9, "6.2", 9, "7.0", 10, "7.2", 11,
            "7.4", 12);

    private static RedisServer redis;
    private static RespCommands commands;

    @BeforeAll
    static void seed() throws IOException {
        redis = RedisServer.start();
        commands = new RespCommands(redis.host(), redis.port());
        for (int i = 0; i < 50; i++) {
            commands.call("SET", "string:" + i, "value " + i);
        }
        commands.call("SET", "string:ttl", "expiring", "EX", "3600");
        commands.call("RPUSH", "list", "a", "b", "c");
        commands.call("HSET", "hash", "f1", "v1", "f2", "v2");
        commands.call("SADD", "set", "x", "y", "z");
        commands.call("ZADD", "zset", "1", "one", "2", "two");
        commands.call("XADD", "stream", "*", "field", "value");
        // Incompressible, so that the payload spans many reads whatever rdbcompression does.
        byte[] random = new byte[75_000];
        new Random(42).nextBytes(random);
        commands.call("SET", "big", Base64.getEncoder().encodeToString(random));
    }

    @AfterAll
    static void stop() throws IOException {
        commands.close();
        redis.close();
    }

    @ParameterizedTest(name = "{0} with repl-diskless-sync {1}")
    @CsvSource({"SYNC, no, LENGTH", "SYNC, yes, EOF_MARK", "PSYNC, no, LENGTH", "PSYNC, yes, EOF_MARK"})
    void fetchesAnRdbWhoseChecksumVerifiesAndWhoseKeyCountIsDbSize(SyncCommand sync, String diskless,
            RdbFraming framing) throws IOException {
        commands.call("CONFIG", "SET", "repl-diskless-sync", diskless);
        commands.call("CONFIG", "SET", "repl-diskless-sync-delay", "0");
        long dbSize = Long.parseLong(commands.call("DBSIZE"));
        String version = commands.call("INFO", "server").lines().filter(l -> l.startsWith("redis_version:"))
                .findFirst().orElseThrow().substring("redis_version:".length()).trim();

        ByteArrayOutputStream rdb = new ByteArrayOutputStream();
        RdbTap tap = new RdbTap(rdb);
        RdbSnapshot snapshot = new ReplicationRdbReader(
                ReplicationSource.of(redis.host(), redis.port()).withSyncCommand(sync)).fetch(tap);
        RdbSummary summary = tap.summary();

        assertThat(snapshot.framing()).isEqualTo(framing);
        assertThat(snapshot.bytes()).isEqualTo(rdb.size()).isEqualTo(summary.bytes()).isGreaterThan(100_000);
        assertThat(new String(rdb.toByteArray(), 0, 5)).isEqualTo("REDIS");
        assertThat(summary.version()).isEqualTo(RDB_VERSIONS.get(version.substring(0, version.lastIndexOf('.'))));
        assertThat(summary.aux()).containsEntry("redis-ver", version);
        assertThat(summary.checksum()).isEqualTo(RdbChecksum.VERIFIED);
        assertThat(dbSize).isEqualTo(57);
        assertThat(summary.keysPerDb()).containsExactly(Map.entry(0, dbSize));
        assertThat(summary.expiresPerDb()).containsExactly(Map.entry(0, 1L));
        if (sync == SyncCommand.PSYNC) {
            assertThat(snapshot.replicationId()).hasSize(40).isEqualTo(summary.aux().get("repl-id"));
            assertThat(snapshot.offset()).isNotNegative();
        } else {
            assertThat(snapshot.hasReplicationOffset()).isFalse();
        }
    }

    @Test
    void fetchesWithAPasswordAndFailsNamingTheServerWithout() throws IOException {
        try (RedisServer secured = RedisServer.start(RedisOptions.defaults().withConfig("requirepass s3cret",
                "repl-diskless-sync-delay 0"))) {
            ReplicationSource source = ReplicationSource.of(secured.host(), secured.port());

            assertThatThrownBy(() -> new ReplicationRdbReader(source).fetch(new ByteArrayOutputStream()))
                    .isInstanceOf(ReplicationException.class)
                    .hasMessageContaining(source.address())
                    .hasMessageContaining("requires authentication");
            assertThatThrownBy(() -> new ReplicationRdbReader(source.withPassword("wrong"))
                    .fetch(new ByteArrayOutputStream()))
                    .hasMessageContaining("authentication failed");

            RdbTap tap = new RdbTap(new ByteArrayOutputStream());
            new ReplicationRdbReader(source.withPassword("s3cret")).fetch(tap);
            assertThat(tap.summary().checksum()).isEqualTo(RdbChecksum.VERIFIED);
            assertThat(tap.summary().keysPerDb()).isEmpty();
        }
    }
}
