package io.lifeboat.agent.redis.rdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.lifeboat.agent.redis.testing.RespCommands;
import io.lifeboat.testkit.redis.RedisOptions;
import io.lifeboat.testkit.redis.RedisServer;

/**
 * Reads a dump.rdb written by a real redis-server holding every type and encoding, then RESTOREs each key into a
 * second, empty server and compares the two servers key by key.
 */
class RdbKeyReaderIT {

    /** DEBUG DIGEST-VALUE compares sets and hashes whose hash-table order differs between two servers. */
    private static final RedisOptions OPTIONS = RedisOptions.defaults().withConfig("enable-debug-command yes");
    private static final String COMPRESSED_LIST = "list:large:compressed";
    private static final String RANDOM_STRING = "string:random";
    private static final long TTL_MILLIS = 3_600_000;

    private static RedisServer source;
    private static RespCommands commands;
    private static byte[] rdb;
    private static byte[] uncompressedRdb;
    private static byte[] random;

    @BeforeAll
    static void seedAndSave() throws IOException {
        source = RedisServer.start(OPTIONS);
        commands = new RespCommands(source.host(), source.port());
        commands.call("SELECT", "0");
        seedStrings();
        seedLists();
        seedSetsZsetsAndHashes();
        seedStreams();
        commands.call("PEXPIRE", "string:short", String.valueOf(TTL_MILLIS));
        commands.call("PEXPIRE", "hash:small", String.valueOf(2 * TTL_MILLIS));
        commands.call("FUNCTION", "LOAD", "#!lua name=mylib\nredis.register_function('f', function() return 1 end)");

        commands.call("SELECT", "3");
        commands.call("SET", "db3:string", "in database three");
        commands.call("RPUSH", "db3:list", "x", "y", "z");
        commands.call("SET", "db3:ttl", "expiring");
        commands.call("PEXPIRE", "db3:ttl", String.valueOf(3 * TTL_MILLIS));
        commands.call("SELECT", "0");

        commands.call("SAVE");
        rdb = Files.readAllBytes(source.dir().resolve("dump.rdb"));
        // Without rdbcompression, only the quicklist nodes that are compressed in memory are LZF blobs.
        commands.call("CONFIG", "SET", "rdbcompression", "no");
        commands.call("SAVE");
        uncompressedRdb = Files.readAllBytes(source.dir().resolve("dump.rdb"));
        commands.call("CONFIG", "SET", "rdbcompression", "yes");
    }

    private static void seedStrings() {
        commands.call("SET", "string:tiny", "-5");
        commands.call("SET", "string:int", "12345");
        commands.call("SET", "string:negative", "-70000");
        commands.call("SET", "string:short", "hello");
        commands.call("SET", "string:compressible", "abcdefgh".repeat(40));
        random = new byte[100 * 1024];
        new Random(42).nextBytes(random);
        commands.bulk(bytes("SET"), bytes(RANDOM_STRING), random);
    }

    private static void seedLists() {
        commands.call("RPUSH", "list:small", "a", "b", "1", "2");
        commands.call("CONFIG", "SET", "list-compress-depth", "0");
        fillList("list:large");
        // A list takes the compress depth in force when it is created: inner nodes of this one are LZF blobs.
        commands.call("CONFIG", "SET", "list-compress-depth", "1");
        fillList(COMPRESSED_LIST);
        commands.call("CONFIG", "SET", "list-compress-depth", "0");
    }

    private static void fillList(String key) {
        for (int batch = 0; batch < 30; batch++) {
            List<String> args = new ArrayList<>(List.of("RPUSH", key));
            for (int i = 0; i < 100; i++) {
                args.add("element-" + (batch * 100 + i) + "-padding-padding-padding");
            }
            commands.call(args.toArray(String[]::new));
        }
    }

    private static void seedSetsZsetsAndHashes() {
        commands.call("SADD", "set:intset", "1", "2", "3", "-40000", "5000000000");
        commands.call("SADD", "set:small", "apple", "banana", "cherry");
        commands.call("ZADD", "zset:small", "1.5", "one-and-a-half", "+inf", "top", "-inf", "bottom", "2", "two");
        commands.call("HSET", "hash:small", "f1", "v1", "f2", "2", "f3", "three");
        List<String> set = new ArrayList<>(List.of("SADD", "set:large"));
        List<String> zset = new ArrayList<>(List.of("ZADD", "zset:large"));
        List<String> hash = new ArrayList<>(List.of("HSET", "hash:large"));
        for (int i = 0; i < 600; i++) {
            set.add("member-" + i);
            zset.addAll(List.of(i == 0 ? "+inf" : i == 1 ? "-inf" : String.valueOf(i / 7.0), "member-" + i));
            hash.addAll(List.of("field-" + i, "value-" + i));
        }
        commands.call(set.toArray(String[]::new));
        commands.call(zset.toArray(String[]::new));
        commands.call(hash.toArray(String[]::new));
    }

    private static void seedStreams() {
        for (int i = 1; i <= 250; i++) {
            commands.call("XADD", "stream", "1000-" + i, "field", "value " + i, "n", String.valueOf(i));
        }
        commands.call("XDEL", "stream", "1000-5", "1000-120");
        commands.call("XGROUP", "CREATE", "stream", "group1", "0");
        commands.call("XGROUP", "CREATE", "stream", "group2", "1000-100");
        commands.call("XREADGROUP", "GROUP", "group1", "alice", "COUNT", "3", "STREAMS", "stream", ">");
        commands.call("XREADGROUP", "GROUP", "group1", "bob", "COUNT", "2", "STREAMS", "stream", ">");
        commands.call("XACK", "stream", "group1", "1000-1");
        commands.call("XREADGROUP", "GROUP", "group2", "carol", "COUNT", "4", "STREAMS", "stream", ">");
        commands.call("XGROUP", "CREATECONSUMER", "stream", "group2", "idle");
        commands.call("XADD", "stream:small", "*", "a", "1");
    }

    @AfterAll
    static void stop() throws IOException {
        if (commands != null) {
            commands.close();
        }
        if (source != null) {
            source.close();
        }
    }

    @Test
    void countsTheKeysOfEachDatabaseExactlyWithTheirTtlsAndVerifiesTheChecksum() throws IOException {
        List<RdbKey> keys = new ArrayList<>();
        RdbChecksum checksum;
        long functions;
        long bytesRead;
        int version;
        Map<String, String> aux;
        try (RdbKeyReader reader = new RdbKeyReader(new ByteArrayInputStream(rdb))) {
            for (RdbKey key = reader.next(); key != null; key = reader.next()) {
                keys.add(key);
            }
            assertThat(reader.next()).isNull();
            checksum = reader.checksum();
            functions = reader.functions();
            bytesRead = reader.bytesRead();
            version = reader.version();
            aux = reader.aux();
            assertThat(reader.announcedKeys()).containsEntry(0, 18L).containsEntry(3, 3L);
        }

        assertThat(checksum).isEqualTo(RdbChecksum.VERIFIED);
        assertThat(functions).isEqualTo(1);
        assertThat(bytesRead).isEqualTo(rdb.length);
        assertThat(version).isEqualTo(10);
        assertThat(aux).containsEntry("redis-ver", serverVersion()).containsKey("ctime");

        Map<Integer, Set<String>> perDb = new TreeMap<>();
        keys.forEach(k -> perDb.computeIfAbsent(k.db(), db -> new TreeSet<>()).add(k.keyText()));
        assertThat(perDb.keySet()).containsExactly(0, 3);
        assertThat(perDb.get(0)).hasSize(18).isEqualTo(serverKeys(0));
        assertThat(perDb.get(3)).containsExactly("db3:list", "db3:string", "db3:ttl").isEqualTo(serverKeys(3));

        Map<String, Long> expiries = new TreeMap<>();
        keys.stream().filter(RdbKey::hasExpiry).forEach(k -> expiries.put(k.db() + ":" + k.keyText(),
                k.expireAtMillis()));
        assertThat(expiries).containsOnlyKeys("0:string:short", "0:hash:small", "3:db3:ttl");
        expiries.forEach((dbKey, at) -> {
            String[] parts = dbKey.split(":", 2);
            commands.call("SELECT", parts[0]);
            assertThat(at).as(dbKey).isEqualTo(Long.parseLong(commands.call("PEXPIRETIME", parts[1])));
        });
        commands.call("SELECT", "0");

        Map<String, Integer> types = new HashMap<>();
        keys.forEach(k -> types.put(k.keyText(), k.type()));
        assertThat(types).containsEntry("string:int", 0).containsEntry("list:small", 18)
                .containsEntry("list:large", 18).containsEntry("set:intset", 11).containsEntry("set:small", 2)
                .containsEntry("set:large", 2).containsEntry("zset:small", 17).containsEntry("zset:large", 5)
                .containsEntry("hash:small", 16).containsEntry("hash:large", 4).containsEntry("stream", 19);
        RdbKey random = keys.stream().filter(k -> k.keyText().equals(RANDOM_STRING)).findFirst().orElseThrow();
        assertThat(random.typeName()).isEqualTo("string");
        assertThat(random.value().length).isGreaterThan(100 * 1024);
        RdbKey lzfString = keys.stream().filter(k -> k.keyText().equals("string:compressible")).findFirst()
                .orElseThrow();
        assertThat(lzfString.value()[0] & 0xff).as("LZF string encoding").isEqualTo(0xc3);
    }

    @Test
    void keepsTheLzfBlobsOfQuicklistNodesCompressedInMemory() throws IOException {
        Map<String, RdbKey> keys = new HashMap<>();
        try (RdbKeyReader reader = new RdbKeyReader(new ByteArrayInputStream(uncompressedRdb))) {
            for (RdbKey key = reader.next(); key != null; key = reader.next()) {
                keys.put(key.keyText(), key);
            }
            assertThat(reader.checksum()).isEqualTo(RdbChecksum.VERIFIED);
        }
        assertThat(keys).hasSize(21);
        // Same elements; with list-compress-depth 1 the inner nodes are saved as their LZF blobs.
        assertThat(keys.get(COMPRESSED_LIST).value().length).isLessThan(keys.get("list:large").value().length / 2);
        assertThat(keys.get("string:compressible").value()[0] & 0xff).as("14-bit length of 320").isEqualTo(0x41);
    }

    @ParameterizedTest(name = "rdbcompression {0}")
    @ValueSource(booleans = {true, false})
    void restoresEveryKeyIntoAnEmptyServerWhereItDumpsTheSame(boolean rdbCompression) throws IOException {
        try (RedisServer target = RedisServer.start(OPTIONS);
                RespCommands restore = new RespCommands(target.host(), target.port());
                RdbKeyReader reader = new RdbKeyReader(new ByteArrayInputStream(rdbCompression
                        ? rdb
                        : uncompressedRdb))) {
            List<RdbKey> keys = new ArrayList<>();
            for (RdbKey key = reader.next(); key != null; key = reader.next()) {
                restore.call("SELECT", String.valueOf(key.db()));
                restore.call("CONFIG", "SET", "list-compress-depth", key.keyText().equals(COMPRESSED_LIST)
                        ? "1"
                        : "0");
                assertThat(restore.bulk(bytes("RESTORE"), key.key(), bytes(key.hasExpiry()
                        ? String.valueOf(key.expireAtMillis())
                        : "0"), key.dumpPayload(reader.version()), bytes("ABSTTL"))).as(key.toString())
                        .isEqualTo(bytes("OK"));
                keys.add(key);
            }
            assertThat(reader.checksum()).isEqualTo(RdbChecksum.VERIFIED);
            assertThat(keys).hasSize(21);

            Set<Integer> hashTableTypes = Set.of(RdbKeyReader.TYPE_SET, RdbKeyReader.TYPE_HASH);
            Set<String> comparedByDump = new HashSet<>();
            for (RdbKey key : keys) {
                String db = String.valueOf(key.db());
                commands.call("SELECT", db);
                restore.call("SELECT", db);
                String name = key.keyText();
                assertThat(restore.call("TYPE", name)).as(name).isEqualTo(commands.call("TYPE", name));
                assertThat(restore.call("OBJECT", "ENCODING", name)).as(name)
                        .isEqualTo(commands.call("OBJECT", "ENCODING", name));
                assertThat(restore.call("PEXPIRETIME", name)).as(name)
                        .isEqualTo(commands.call("PEXPIRETIME", name));
                assertThat(restore.call("DEBUG", "DIGEST-VALUE", name)).as(name)
                        .isEqualTo(commands.call("DEBUG", "DIGEST-VALUE", name));
                if (!hashTableTypes.contains(key.type())) {
                    // Hash-table sets and hashes iterate in an order seeded per server: only their digests match.
                    assertThat(restore.bulk(bytes("DUMP"), key.key())).as(name)
                            .isEqualTo(commands.bulk(bytes("DUMP"), key.key()));
                    comparedByDump.add(name);
                }
            }
            commands.call("SELECT", "0");
            restore.call("SELECT", "0");
            assertThat(comparedByDump).contains("stream", COMPRESSED_LIST, "list:large", "zset:large",
                    RANDOM_STRING, "string:compressible", "string:int", "set:intset", "hash:small", "db3:ttl");
            assertThat(restore.call("GET", "db3:string")).isNull();
            assertThat(restore.bulk(bytes("GET"), bytes(RANDOM_STRING))).isEqualTo(random);
            assertThat(restore.call("XINFO", "GROUPS", "stream")).isEqualTo(commands.call("XINFO", "GROUPS",
                    "stream"));
        }
    }

    @Test
    void reportsAMismatchWhenOneByteOfAValueIsFlipped() throws IOException {
        byte[] corrupt = rdb.clone();
        int at = indexOf(corrupt, Arrays.copyOfRange(random, 50_000, 50_064));
        assertThat(at).isPositive();
        corrupt[at + 10] ^= 0x01;

        try (RdbKeyReader reader = new RdbKeyReader(new ByteArrayInputStream(corrupt))) {
            int count = 0;
            while (reader.next() != null) {
                count++;
            }
            assertThat(count).isEqualTo(21);
            assertThat(reader.checksum()).isEqualTo(RdbChecksum.MISMATCH);
            assertThat(reader.storedCrc()).isNotEqualTo(reader.computedCrc());
        }
    }

    @Test
    void rejectsATruncatedRdbNamingTheOffsetWhereItEnds() throws IOException {
        byte[] truncated = Arrays.copyOf(rdb, rdb.length / 2);
        try (RdbKeyReader reader = new RdbKeyReader(new ByteArrayInputStream(truncated))) {
            assertThatThrownBy(() -> {
                while (reader.next() != null) {
                    // read on
                }
            }).isInstanceOfSatisfying(RdbFormatException.class, e -> assertThat(e.offset()).isEqualTo(
                    truncated.length)).hasMessageContaining("truncated stream")
                    .hasMessageContaining("at byte offset " + truncated.length);
        }
    }

    private static Set<String> serverKeys(int db) {
        commands.call("SELECT", String.valueOf(db));
        String all = commands.call("KEYS", "*");
        commands.call("SELECT", "0");
        return new TreeSet<>(Arrays.asList(all.split(" ")));
    }

    private static String serverVersion() {
        return commands.call("INFO", "server").lines().filter(l -> l.startsWith("redis_version:")).findFirst()
                .orElseThrow().substring("redis_version:".length()).trim();
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer : for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
