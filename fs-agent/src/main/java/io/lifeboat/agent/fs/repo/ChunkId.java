package io.lifeboat.agent.fs.repo;

import java.util.HexFormat;

/**
 * The 32-byte id of a chunk: HMAC-SHA256 of its plaintext under the repository's id key. Kept as four longs, so an id
 * costs one small object and hashing is a field read (the bytes are already uniformly random).
 */
public final class ChunkId implements Comparable<ChunkId> {

    /** Length of an id in bytes. */
    public static final int BYTES = 32;

    private static final HexFormat HEX = HexFormat.of();

    private final long w0;
    private final long w1;
    private final long w2;
    private final long w3;

    private ChunkId(long w0, long w1, long w2, long w3) {
        this.w0 = w0;
        this.w1 = w1;
        this.w2 = w2;
        this.w3 = w3;
    }

    /** The id whose bytes are {@code bytes[offset..offset+32)}. */
    public static ChunkId of(byte[] bytes, int offset) {
        if (offset < 0 || bytes.length - offset < BYTES) {
            throw new IllegalArgumentException("a chunk id needs " + BYTES + " bytes, got " + (bytes.length - offset));
        }
        return new ChunkId(word(bytes, offset), word(bytes, offset + 8), word(bytes, offset + 16),
                word(bytes, offset + 24));
    }

    /** The id of {@code bytes}, which must be exactly 32 bytes. */
    public static ChunkId of(byte[] bytes) {
        if (bytes.length != BYTES) {
            throw new IllegalArgumentException("a chunk id is " + BYTES + " bytes, got " + bytes.length);
        }
        return of(bytes, 0);
    }

    /** The id written as 64 lowercase hex digits; throws naming the text when it is not one. */
    public static ChunkId parse(String hex) {
        if (hex == null || hex.length() != BYTES * 2) {
            throw new IllegalArgumentException("chunk id '" + hex + "' is not " + BYTES * 2 + " hex digits");
        }
        try {
            return of(HEX.parseHex(hex));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("chunk id '" + hex + "' is not " + BYTES * 2 + " hex digits", e);
        }
    }

    /** The 32 bytes of this id, a fresh array. */
    public byte[] bytes() {
        byte[] out = new byte[BYTES];
        writeTo(out, 0);
        return out;
    }

    /** Writes the 32 bytes of this id into {@code out} at {@code offset}. */
    public void writeTo(byte[] out, int offset) {
        put(out, offset, w0);
        put(out, offset + 8, w1);
        put(out, offset + 16, w2);
        put(out, offset + 24, w3);
    }

    /** The id as 64 lowercase hex digits. */
    public String hex() {
        return HEX.toHexDigits(w0) + HEX.toHexDigits(w1) + HEX.toHexDigits(w2) + HEX.toHexDigits(w3);
    }

    /** Byte-wise (unsigned) order, the order of {@link #hex()}. */
    @Override
    public int compareTo(ChunkId other) {
        int c = Long.compareUnsigned(w0, other.w0);
        if (c == 0) {
            c = Long.compareUnsigned(w1, other.w1);
        }
        if (c == 0) {
            c = Long.compareUnsigned(w2, other.w2);
        }
        return c != 0 ? c : Long.compareUnsigned(w3, other.w3);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ChunkId other && w0 == other.w0 && w1 == other.w1 && w2 == other.w2 && w3 == other.w3;
    }

    @Override
    public int hashCode() {
        // An HMAC output is uniform: any 32 of its bits make a good hash.
        return (int) (w0 ^ (w0 >>> 32));
    }

    @Override
    public String toString() {
        return hex();
    }

    private static long word(byte[] b, int o) {
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (b[o + i] & 0xFF);
        }
        return v;
    }

    private static void put(byte[] b, int o, long v) {
        for (int i = 7; i >= 0; i--) {
            b[o + i] = (byte) v;
            v >>>= 8;
        }
    }
}
