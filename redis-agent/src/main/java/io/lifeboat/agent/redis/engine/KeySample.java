package io.lifeboat.agent.redis.engine;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import io.lifeboat.agent.redis.rdb.ValueDigest;

/**
 * Digests of a sample of a snapshot's keys, recorded in the manifest so that a verification can compare what a
 * scratch server loaded with what was backed up. The sample is the first keys of the RDB: Redis writes a database
 * in hash-table order, so they are spread over the key space.
 *
 * @param db the database of the key
 * @param key the key's bytes
 * @param type the value's type name
 * @param encoding the value's RDB type byte (its encoding: 4 a hash table, 16 a listpack hash...)
 * @param expireAtMillis the key's expiry (epoch ms), -1 for none
 * @param sha256 the value's {@link ValueDigest} (as DUMP returns it, without DUMP's trailer)
 */
public record KeySample(int db, byte[] key, String type, int encoding, long expireAtMillis, String sha256) {

    /** Bytes of DUMP's trailer: the RDB version (2) and the CRC-64 (8). */
    public static final int DUMP_TRAILER = 10;

    /** The {@link ValueDigest} of a DUMP payload, its trailer left out. */
    public static String digest(byte[] dumpPayload) {
        return ValueDigest.of(dumpPayload, DUMP_TRAILER);
    }

    /** The manifest form: db, key (base64), type, expireAt (when set), sha256. */
    public Map<String, Object> toMetadata() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("db", db);
        map.put("key", Base64.getEncoder().encodeToString(key));
        map.put("type", type);
        map.put("encoding", encoding);
        if (expireAtMillis >= 0) {
            map.put("expireAt", expireAtMillis);
        }
        map.put("sha256", sha256);
        return map;
    }

    /** Reads the manifest form back. */
    public static KeySample fromMetadata(Map<?, ?> map) {
        Object expireAt = map.get("expireAt");
        return new KeySample(((Number) map.get("db")).intValue(),
                Base64.getDecoder().decode(map.get("key").toString()), String.valueOf(map.get("type")),
                ((Number) map.get("encoding")).intValue(), expireAt == null ? -1 : ((Number) expireAt).longValue(),
                map.get("sha256").toString());
    }

    /** The key for messages: its text when printable, else base64. */
    public String printableKey() {
        return SnapshotMetadata.printable(key);
    }
}
