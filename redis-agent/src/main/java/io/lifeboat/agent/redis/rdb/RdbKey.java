package io.lifeboat.agent.redis.rdb;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * One key of an RDB as {@link RdbKeyReader} found it: its database, name, absolute expiry, RDB type byte and the
 * serialized value bytes exactly as they stand in the RDB.
 * <p>
 * The arrays are not copied, neither in nor out: callers must not change them.
 *
 * @param db the database number from the last SELECTDB (0 before any)
 * @param key the key name, decoded (integer-encoded and LZF-compressed names are turned back into their bytes)
 * @param expireAtMillis the absolute expiry in Unix milliseconds; -1 when the key has no TTL
 * @param type the RDB type byte (0 string, 18 quicklist, 21 stream...)
 * @param value the value as {@code rdbSaveObject} wrote it, not decoded
 */
public record RdbKey(int db, byte[] key, long expireAtMillis, int type, byte[] value) {

    public RdbKey {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
    }

    /** Whether the key has a TTL. */
    public boolean hasExpiry() {
        return expireAtMillis != -1;
    }

    /**
     * Redis's DUMP/RESTORE payload for this key: the type byte, the value bytes, {@code rdbVersion} as 2 bytes
     * little-endian, then the CRC-64 of everything before as 8 bytes little-endian.
     * <p>
     * RESTORE refuses a payload whose version is newer than the target server's own RDB version.
     */
    public byte[] dumpPayload(int rdbVersion) {
        byte[] payload = new byte[1 + value.length + 2 + 8];
        payload[0] = (byte) type;
        System.arraycopy(value, 0, payload, 1, value.length);
        int footer = 1 + value.length;
        payload[footer] = (byte) rdbVersion;
        payload[footer + 1] = (byte) (rdbVersion >>> 8);
        Crc64 crc = new Crc64();
        crc.update(payload, 0, footer + 2);
        long sum = crc.value();
        for (int i = 0; i < 8; i++) {
            payload[footer + 2 + i] = (byte) (sum >>> (8 * i));
        }
        return payload;
    }

    /** Human-readable type name (string, list, set, zset, hash, stream, module) for messages. */
    public String typeName() {
        return typeName(type);
    }

    /** The key name as text (UTF-8, malformed bytes replaced), for messages. */
    public String keyText() {
        return new String(key, StandardCharsets.UTF_8);
    }

    static String typeName(int type) {
        return switch (type) {
            case RdbKeyReader.TYPE_STRING -> "string";
            case RdbKeyReader.TYPE_LIST, RdbKeyReader.TYPE_LIST_ZIPLIST, RdbKeyReader.TYPE_LIST_QUICKLIST,
                    RdbKeyReader.TYPE_LIST_QUICKLIST_2 ->
                "list";
            case RdbKeyReader.TYPE_SET, RdbKeyReader.TYPE_SET_INTSET, RdbKeyReader.TYPE_SET_LISTPACK -> "set";
            case RdbKeyReader.TYPE_ZSET, RdbKeyReader.TYPE_ZSET_2, RdbKeyReader.TYPE_ZSET_ZIPLIST,
                    RdbKeyReader.TYPE_ZSET_LISTPACK ->
                "zset";
            case RdbKeyReader.TYPE_HASH, RdbKeyReader.TYPE_HASH_ZIPMAP, RdbKeyReader.TYPE_HASH_ZIPLIST,
                    RdbKeyReader.TYPE_HASH_LISTPACK ->
                "hash";
            case RdbKeyReader.TYPE_STREAM_LISTPACKS, RdbKeyReader.TYPE_STREAM_LISTPACKS_2,
                    RdbKeyReader.TYPE_STREAM_LISTPACKS_3 ->
                "stream";
            case RdbKeyReader.TYPE_MODULE_PRE_GA, RdbKeyReader.TYPE_MODULE_2 -> "module";
            default -> "type " + type;
        };
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RdbKey k && db == k.db && expireAtMillis == k.expireAtMillis && type == k.type
                && Arrays.equals(key, k.key) && Arrays.equals(value, k.value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(db, expireAtMillis, type, Arrays.hashCode(key), Arrays.hashCode(value));
    }

    @Override
    public String toString() {
        return "RdbKey[db=" + db + ", key=" + keyText() + ", " + typeName() + " (type " + type + "), "
                + (hasExpiry() ? "expireAtMillis=" + expireAtMillis : "no TTL") + ", " + value.length
                + " value bytes]";
    }
}
