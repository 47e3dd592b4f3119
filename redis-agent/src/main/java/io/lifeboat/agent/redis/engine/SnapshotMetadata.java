package io.lifeboat.agent.redis.engine;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.lifeboat.agent.redis.rdb.RdbSummary;
import io.lifeboat.agent.redis.replication.RdbSnapshot;
import io.lifeboat.agentkit.agent.BackupEngine;
import io.lifeboat.agentkit.pipeline.Manifest;

/**
 * The manifest's engine metadata for an RDB snapshot, and its reading back: RDB and Redis versions, key counts per
 * database, replication id and offset, size, CRC-64, source facts and the key sample.
 */
public final class SnapshotMetadata {

    static final String MODE = "snapshotMode";
    static final String FRAMING = "framing";
    static final String RDB_VERSION = "rdbVersion";
    static final String REDIS_VERSION = "redisVersion";
    static final String RDB_BYTES = "rdbBytes";
    static final String CRC64 = "crc64";
    static final String CRC64_CHECK = "crc64Check";
    static final String KEYS_PER_DB = "keysPerDb";
    static final String EXPIRES_PER_DB = "expiresPerDb";
    static final String KEY_COUNTS = "keyCounts";
    static final String REPLICATION_ID = "replicationId";
    static final String REPLICATION_OFFSET = "replicationOffset";
    static final String ROLE = "role";
    static final String AOF_ENABLED = "aofEnabled";
    static final String ENCODING_CONFIG = "encodingConfig";
    static final String KEY_SAMPLE = "keySample";

    private SnapshotMetadata() {
    }

    /**
     * The metadata of one snapshot.
     *
     * @param snapshot what the replication fetch delivered, or null in bgsave mode
     */
    public static Map<String, Object> of(SnapshotMode mode, RdbSnapshot snapshot, RdbSummary rdb, RdbScan.Result keys,
            SourceFacts source, Instant consistentAt) {
        boolean walked = keys.failure() == null;
        Map<String, Object> map = new LinkedHashMap<>();
        map.put(BackupEngine.CONSISTENT_AT, consistentAt.toString());
        map.put(MODE, mode.name().toLowerCase());
        if (snapshot != null) {
            map.put(FRAMING, snapshot.framing().name().toLowerCase());
        }
        map.put(RDB_VERSION, rdb.version());
        map.put(REDIS_VERSION, rdb.aux().getOrDefault("redis-ver", source.redisVersion()));
        map.put(RDB_BYTES, rdb.bytes());
        map.put(CRC64, HexFormat.of().toHexDigits(rdb.storedCrc()));
        map.put(CRC64_CHECK, rdb.checksum().name().toLowerCase());
        map.put(KEYS_PER_DB, byDb(walked ? keys.keysPerDb() : rdb.keysPerDb()));
        map.put(EXPIRES_PER_DB, byDb(walked ? keys.expiresPerDb() : rdb.expiresPerDb()));
        map.put(KEY_COUNTS, walked ? "walked" : "resizedb-before-first-key: " + keys.failure());
        if (snapshot != null && snapshot.hasReplicationOffset()) {
            map.put(REPLICATION_ID, snapshot.replicationId());
            map.put(REPLICATION_OFFSET, snapshot.offset());
            map.put(BackupEngine.START_POSITION, String.valueOf(snapshot.offset()));
            map.put(BackupEngine.END_POSITION, String.valueOf(snapshot.offset()));
        } else if (rdb.aux().containsKey("repl-offset")) {
            map.put(REPLICATION_ID, rdb.aux().get("repl-id"));
            map.put(REPLICATION_OFFSET, Long.parseLong(rdb.aux().get("repl-offset")));
        }
        map.put(ROLE, source.role());
        map.put(AOF_ENABLED, source.aofEnabled());
        map.put(ENCODING_CONFIG, new TreeMap<>(source.encodingConfig()));
        map.put(KEY_SAMPLE, keys.sample().stream().map(KeySample::toMetadata).toList());
        return map;
    }

    /** Key count per database recorded for {@code manifest}; empty unless every key was counted. */
    public static Map<Integer, Long> keysPerDb(Manifest manifest) {
        Map<Integer, Long> keys = new TreeMap<>();
        if (!"walked".equals(metadata(manifest).get(KEY_COUNTS))) {
            return keys;
        }
        if (metadata(manifest).get(KEYS_PER_DB) instanceof Map<?, ?> map) {
            map.forEach((db, count) -> keys.put(Integer.parseInt(db.toString()), ((Number) count).longValue()));
        }
        return keys;
    }

    /** The key sample recorded for {@code manifest}. */
    public static List<KeySample> sample(Manifest manifest) {
        if (metadata(manifest).get(KEY_SAMPLE) instanceof List<?> list) {
            return list.stream().map(entry -> KeySample.fromMetadata((Map<?, ?>) entry)).toList();
        }
        return List.of();
    }

    /** The encoding parameters of the source at backup time. */
    public static Map<String, String> encodingConfig(Manifest manifest) {
        Map<String, String> config = new TreeMap<>();
        if (metadata(manifest).get(ENCODING_CONFIG) instanceof Map<?, ?> map) {
            map.forEach((name, value) -> config.put(name.toString(), String.valueOf(value)));
        }
        return config;
    }

    /** The replication offset the snapshot corresponds to, or null. */
    public static String replicationOffset(Manifest manifest) {
        Object offset = metadata(manifest).get(REPLICATION_OFFSET);
        return offset == null ? null : offset.toString();
    }

    /** A key as text when it is printable UTF-8, else as {@code base64:...}. */
    public static String printable(byte[] key) {
        String text = new String(key, StandardCharsets.UTF_8);
        boolean printable = text.codePoints().allMatch(c -> c >= 0x20 && c != 0x7f && c != 0xfffd)
                && java.util.Arrays.equals(text.getBytes(StandardCharsets.UTF_8), key);
        return printable ? text : "base64:" + Base64.getEncoder().encodeToString(key);
    }

    private static Map<String, Object> metadata(Manifest manifest) {
        return manifest.engineMetadata() == null ? Map.of() : manifest.engineMetadata();
    }

    private static Map<String, Long> byDb(Map<Integer, Long> counts) {
        Map<String, Long> map = new TreeMap<>();
        counts.forEach((db, n) -> map.put(String.valueOf(db), n));
        return map;
    }
}
