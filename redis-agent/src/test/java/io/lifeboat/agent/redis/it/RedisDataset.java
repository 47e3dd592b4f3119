package io.lifeboat.agent.redis.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.lifeboat.agent.redis.engine.RedisAdmin;
import io.lifeboat.agent.redis.testing.RespCommands;

/** Seeds every Redis value type (and TTLs, two databases) and reads a server's whole state for comparisons. */
final class RedisDataset {

    /** Databases the dataset uses. */
    static final int[] DATABASES = {0, 5};

    private RedisDataset() {
    }

    /**
     * One key as a server holds it: its encoding, its DUMP, its expiry (PEXPIRETIME: epoch ms, -1 for none) and, for hash-table
     * sets and hashes (whose DUMP order follows each server's own hash seed), its sorted members.
     */
    record KeyState(String encoding, byte[] dump, long expireAt, List<String> members) {
    }

    /** Seeds keys named {@code prefix:*}: strings, hashes, lists, sets, sorted sets and a stream with groups. */
    static void seed(int port, String password, String prefix) throws IOException {
        try (RespCommands redis = new RespCommands("127.0.0.1", port)) {
            if (password != null) {
                redis.call("AUTH", password);
            }
            redis.call("SELECT", "0");
            redis.call("SET", prefix + ":int", "12345");
            redis.call("SET", prefix + ":short", "hello");
            redis.call("SET", prefix + ":long", "lifeboat ".repeat(40));
            redis.call("SET", prefix + ":random", text(100_000, 7));
            redis.call("HSET", prefix + ":hash-small", "f1", "v1", "f2", "v2");
            redis.call(command("HSET", prefix + ":hash-large", 1_000, i -> new String[]{"field" + i, "value-" + i}));
            redis.call("RPUSH", prefix + ":list-small", "a", "b", "c");
            redis.call(command("RPUSH", prefix + ":list-large", 5_000, i -> new String[]{"element-" + i}));
            redis.call("SADD", prefix + ":set-int", "1", "2", "3");
            redis.call("SADD", prefix + ":set-small", "a", "b", "c");
            redis.call(command("SADD", prefix + ":set-large", 1_000, i -> new String[]{"member-" + i}));
            redis.call("ZADD", prefix + ":zset-small", "1", "a", "2.5", "b");
            redis.call(command("ZADD", prefix + ":zset-large", 500, i -> new String[]{i == 0 ? "inf" : i + ".25",
                    "m" + i}));
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                ids.add(redis.call("XADD", prefix + ":stream", "*", "n", String.valueOf(i), "payload", "x" + i));
            }
            redis.call("XGROUP", "CREATE", prefix + ":stream", "g1", "0");
            redis.call("XREADGROUP", "GROUP", "g1", "c1", "COUNT", "3", "STREAMS", prefix + ":stream", ">");
            redis.call("XGROUP", "CREATE", prefix + ":stream", "g2", "$");
            redis.call("XDEL", prefix + ":stream", ids.get(5));
            redis.call("SET", prefix + ":ttl", "expires", "PX", "3600000");
            redis.call("HSET", prefix + ":ttl-hash", "a", "1");
            redis.call("PEXPIRE", prefix + ":ttl-hash", "7200000");
            redis.call("SELECT", "5");
            redis.call("SET", prefix + ":db5", "other database");
            redis.call("SADD", prefix + ":db5-set", "x", "y");
            redis.call("PEXPIRE", prefix + ":db5-set", "5400000");
            redis.call("SELECT", "0");
        }
    }

    /** Every key of the dataset's databases with its DUMP and PTTL, by {@code db:key}. */
    static Map<String, KeyState> state(int port, String password) throws Exception {
        Map<String, KeyState> state = new TreeMap<>();
        try (RespCommands redis = new RespCommands("127.0.0.1", port);
                RedisAdmin admin = RedisAdmin.connect("127.0.0.1", port, null, password, Duration.ofSeconds(5),
                        Duration.ofSeconds(30), "redis :" + port)) {
            if (password != null) {
                redis.call("AUTH", password);
            }
            for (int db : DATABASES) {
                redis.call("SELECT", String.valueOf(db));
                admin.select(db);
                for (String key : redis.list("KEYS", "*")) {
                    long expireAt = Long.parseLong(redis.call("PEXPIRETIME", key));
                    String encoding = redis.call("OBJECT", "ENCODING", key);
                    List<String> members = null;
                    if (encoding.equals("hashtable")) {
                        String type = redis.call("TYPE", key);
                        members = new ArrayList<>(type.equals("set")
                                ? redis.list("SMEMBERS", key)
                                : pairs(redis.list("HGETALL", key)));
                        members.sort(null);
                    }
                    state.put(db + ":" + key, new KeyState(encoding, admin.dump(key.getBytes()), expireAt, members));
                }
            }
        }
        return state;
    }

    /** Asserts that {@code restored} holds exactly the keys of {@code source}, equal values and expiry times. */
    static void assertSameData(Map<String, KeyState> source, Map<String, KeyState> restored) {
        assertThat(restored.keySet()).containsExactlyElementsOf(source.keySet());
        source.forEach((key, expected) -> {
            KeyState actual = restored.get(key);
            assertThat(actual.encoding()).as("encoding of %s", key).isEqualTo(expected.encoding());
            if (expected.members() != null) {
                assertThat(actual.members()).as("members of %s", key).isEqualTo(expected.members());
            } else {
                assertThat(Arrays.equals(actual.dump(), expected.dump())).as("value of %s", key).isTrue();
            }
            assertThat(actual.expireAt()).as("expiry of %s", key).isEqualTo(expected.expireAt());
        });
    }

    private static List<String> pairs(List<String> flat) {
        List<String> pairs = new ArrayList<>();
        for (int i = 0; i + 1 < flat.size(); i += 2) {
            pairs.add(flat.get(i) + "=" + flat.get(i + 1));
        }
        return pairs;
    }

    private static String[] command(String name, String key, int count, java.util.function.IntFunction<String[]> item) {
        List<String> args = new ArrayList<>(List.of(name, key));
        for (int i = 0; i < count; i++) {
            args.addAll(List.of(item.apply(i)));
        }
        return args.toArray(String[]::new);
    }

    private static String text(int length, long seed) {
        java.util.Random random = new java.util.Random(seed);
        StringBuilder text = new StringBuilder(length);
        while (text.length() < length) {
            text.append((char) ('!' + random.nextInt(90)));
        }
        return text.toString();
    }
}
