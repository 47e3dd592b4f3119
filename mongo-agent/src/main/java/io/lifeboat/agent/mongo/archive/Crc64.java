package io.lifeboat.agent.mongo.archive;

/**
 * CRC-64 as mongodump computes it for each namespace (Go's {@code hash/crc64} with the ECMA table: reflected
 * polynomial 0xC96C5795D7870F42, all ones in and out; also known as CRC-64/XZ).
 */
public final class Crc64 {

    private static final long[] TABLE = new long[256];

    static {
        for (int i = 0; i < 256; i++) {
            long crc = i;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 1) != 0 ? (crc >>> 1) ^ 0xC96C5795D7870F42L : crc >>> 1;
            }
            TABLE[i] = crc;
        }
    }

    private long state = -1L;

    /** Adds {@code length} bytes of {@code bytes} from {@code offset}. */
    public void update(byte[] bytes, int offset, int length) {
        long crc = state;
        for (int i = offset; i < offset + length; i++) {
            crc = TABLE[(int) ((crc ^ bytes[i]) & 0xff)] ^ (crc >>> 8);
        }
        state = crc;
    }

    /** The CRC of everything added so far (0 for nothing). */
    public long value() {
        return ~state;
    }
}
