package io.lifeboat.agent.redis.rdb;

import java.util.Arrays;

/** A growable byte array that receives the serialized bytes of one value while an {@link RdbInput} reads it. */
final class ValueCapture {

    private final int max;

    private byte[] bytes = new byte[256];
    private int length;

    ValueCapture(int max) {
        this.max = max;
    }

    void write(int b, long at) throws RdbFormatException {
        ensure(1, at);
        bytes[length++] = (byte) b;
    }

    void write(byte[] from, int off, int n, long at) throws RdbFormatException {
        ensure(n, at);
        System.arraycopy(from, off, bytes, length, n);
        length += n;
    }

    private void ensure(int n, long at) throws RdbFormatException {
        if (length + (long) n > bytes.length) {
            if (length + (long) n > max) {
                throw new RdbFormatException(at, "value larger than 2 GiB, which cannot be held in memory");
            }
            bytes = Arrays.copyOf(bytes, (int) Math.min(max, Math.max(length + (long) n,
                    bytes.length * 2L)));
        }
    }

    byte[] toByteArray() {
        return Arrays.copyOf(bytes, length);
    }
}
