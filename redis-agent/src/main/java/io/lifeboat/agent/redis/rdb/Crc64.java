package io.lifeboat.agent.redis.rdb;

/**
 * The CRC-64 that Redis appends to an RDB (CRC-64/Jones: polynomial 0xad93d23594c935a9, reflected, initial value
 * 0, no final xor); check value {@code crc64("123456789") = 0xe9c6d914c4b8d9ca}.
 * <p>
 * Hand-written, table-driven (one byte per step): no well-kept Java library offers the Jones variant.
 */
public final class Crc64 {

    /** The polynomial 0xad93d23594c935a9 with its bits reversed, as the reflected algorithm uses it. */
    private static final long REFLECTED_POLY = Long.reverse(0xad93d23594c935a9L);
    private static final long[] TABLE = table();

    private long crc;

    /** Adds {@code length} bytes of {@code bytes} from {@code offset}. */
    public void update(byte[] bytes, int offset, int length) {
        long c = crc;
        for (int i = offset; i < offset + length; i++) {
            c = TABLE[(int) ((c ^ bytes[i]) & 0xff)] ^ (c >>> 8);
        }
        crc = c;
    }

    public void update(int b) {
        crc = TABLE[(int) ((crc ^ b) & 0xff)] ^ (crc >>> 8);
    }

    /** The CRC of all bytes added so far. */
    public long value() {
        return crc;
    }

    /** The CRC of {@code bytes}. */
    public static long of(byte[] bytes) {
        Crc64 crc = new Crc64();
        crc.update(bytes, 0, bytes.length);
        return crc.value();
    }

    private static long[] table() {
        long[] table = new long[256];
        for (int n = 0; n < 256; n++) {
            long c = n;
            for (int k = 0; k < 8; k++) {
                c = (c & 1) != 0 ? (c >>> 1) ^ REFLECTED_POLY : c >>> 1;
            }
            table[n] = c;
        }
        return table;
    }
}
