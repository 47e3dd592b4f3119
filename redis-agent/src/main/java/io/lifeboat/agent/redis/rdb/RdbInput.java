package io.lifeboat.agent.redis.rdb;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * An RDB as a buffered byte source: lengths, strings and raw bytes, each byte added to the CRC-64 (until the trailer)
 * and, while a value is read, to a capture of its serialized bytes; a truncation names what was being read.
 */
final class RdbInput {

    private static final int MAX_ARRAY = Integer.MAX_VALUE - 64;

    private final InputStream in;
    private final byte[] buf = new byte[64 * 1024];
    private int pos;
    private int limit;
    /** Bytes of {@code in} consumed before the current buffer. */
    private long buffered;
    private final Crc64 crc = new Crc64();
    private boolean crcOn = true;
    /** Receives every byte read while a value is being read; null otherwise. */
    private ValueCapture capture;
    /** What is being read, for the truncation message; null while reading the value of {@link #valueKey}. */
    private String reading = "the header";
    private byte[] valueKey;
    private int valueType;

    RdbInput(InputStream in) {
        this.in = in;
    }

    /** Names what is read next, for a truncation message. */
    void reading(String what) {
        reading = what;
    }

    /** Starts capturing the bytes of the value of {@code key}. */
    void startValue(byte[] key, int type) {
        reading = null;
        valueKey = key;
        valueType = type;
        capture = new ValueCapture(MAX_ARRAY);
    }

    /** Ends the capture and returns the value's bytes (empty when no value was being read). */
    byte[] endValue() {
        byte[] value = capture == null ? new byte[0] : capture.toByteArray();
        capture = null;
        return value;
    }

    /** Stops adding bytes to the CRC-64 (the trailer follows) and returns it. */
    long stopCrc() {
        crcOn = false;
        return crc.value();
    }

    /** Closes the underlying stream. */
    void close() throws IOException {
        in.close();
    }

    /**
     * An RDB length (6, 14, 32 or 64 bits), unsigned: a stream group's unknown entries-read counter is -1 stored
     * as 2^64-1; the special string encodings are an error here.
     */
    long length() throws IOException {
        long at = offset();
        return length(u8(), at);
    }

    /** A length that counts elements, so must fit a signed long. */
    long count() throws IOException {
        long at = offset();
        long n = length(u8(), at);
        if (n < 0) {
            throw new RdbFormatException(at, "bad element count " + Long.toUnsignedString(n));
        }
        return n;
    }

    private long length(int first, long at) throws IOException {
        return switch (first >>> 6) {
            case 0 -> first & 0x3f;
            case 1 -> ((first & 0x3f) << 8) | u8();
            case 2 -> {
                if (first == 0x80) {
                    yield bigEndian(4);
                }
                if (first == 0x81) {
                    yield bigEndian(8); // unsigned: stream fields store -1 as 2^64-1
                }
                throw new RdbFormatException(at, "bad length prefix 0x" + hex(first));
            }
            default -> throw new RdbFormatException(at,
                    "bad length: a string encoding 0x" + hex(first) + " where a length was expected");
        };
    }

    /** A string, decoded: integer encodings as decimal text, LZF inflated. */
    byte[] string() throws IOException {
        long at = offset();
        int first = u8();
        if (first >>> 6 != 3) {
            return bytes(arrayLength(length(first, at), at));
        }
        return switch (first & 0x3f) {
            case 0 -> decimal((byte) u8());
            case 1 -> decimal((short) littleEndian(2));
            case 2 -> decimal((int) littleEndian(4));
            case 3 -> {
                int compressed = arrayLength(length(), at);
                int plain = arrayLength(length(), at);
                yield Lzf.inflate(bytes(compressed), plain, at);
            }
            default -> throw new RdbFormatException(at, "unknown string encoding 0x" + hex(first));
        };
    }

    /** Reads past a string without decoding it. */
    void skipString() throws IOException {
        long at = offset();
        int first = u8();
        if (first >>> 6 != 3) {
            skip(byteCount(length(first, at), at));
            return;
        }
        switch (first & 0x3f) {
            case 0 -> skip(1);
            case 1 -> skip(2);
            case 2 -> skip(4);
            case 3 -> {
                long compressed = byteCount(length(), at);
                length(); // uncompressed length
                skip(compressed);
            }
            default -> throw new RdbFormatException(at, "unknown string encoding 0x" + hex(first));
        }
    }

    private static byte[] decimal(long value) {
        return Long.toString(value).getBytes(StandardCharsets.US_ASCII);
    }

    private long bigEndian(int bytes) throws IOException {
        long value = 0;
        for (int i = 0; i < bytes; i++) {
            value = (value << 8) | u8();
        }
        return value;
    }

    long littleEndian(int bytes) throws IOException {
        long value = 0;
        for (int i = 0; i < bytes; i++) {
            value |= ((long) u8()) << (8 * i);
        }
        return value;
    }

    int u8() throws IOException {
        if (pos == limit && !fill()) {
            throw truncated();
        }
        int b = buf[pos++] & 0xff;
        if (crcOn) {
            crc.update(b);
        }
        if (capture != null) {
            capture.write(b, offset());
        }
        return b;
    }

    private byte[] bytes(int n) throws IOException {
        byte[] bytes = new byte[n];
        int done = 0;
        while (done < n) {
            if (pos == limit && !fill()) {
                throw truncated();
            }
            int take = Math.min(n - done, limit - pos);
            System.arraycopy(buf, pos, bytes, done, take);
            consumed(take);
            done += take;
        }
        return bytes;
    }

    /** Reads past {@code n} bytes without allocating them (they still go to the CRC and the value capture). */
    void skip(long n) throws IOException {
        long left = n;
        while (left > 0) {
            if (pos == limit && !fill()) {
                throw truncated();
            }
            int take = (int) Math.min(left, limit - pos);
            consumed(take);
            left -= take;
        }
    }

    /** Moves past {@code n} buffered bytes, adding them to the CRC and the capture. */
    private void consumed(int n) throws RdbFormatException {
        if (crcOn) {
            crc.update(buf, pos, n);
        }
        if (capture != null) {
            capture.write(buf, pos, n, offset());
        }
        pos += n;
    }

    boolean available() throws IOException {
        return pos < limit || fill();
    }

    private boolean fill() throws IOException {
        buffered += limit;
        pos = 0;
        limit = 0;
        int n;
        do {
            n = in.read(buf, 0, buf.length);
        } while (n == 0);
        if (n < 0) {
            return false;
        }
        limit = n;
        return true;
    }

    long offset() {
        return buffered + pos;
    }

    private RdbFormatException truncated() {
        String what = reading != null
                ? reading
                : "the value of key '" + printable(new String(valueKey, StandardCharsets.UTF_8)) + "' ("
                        + RdbKey.typeName(valueType) + ", type " + valueType + ")";
        return new RdbFormatException(offset(), "truncated stream: it ends while reading " + what);
    }

    private static long byteCount(long n, long at) throws RdbFormatException {
        if (n < 0) {
            throw new RdbFormatException(at, "bad string length " + Long.toUnsignedString(n));
        }
        return n;
    }

    private static int arrayLength(long n, long at) throws RdbFormatException {
        if (n < 0 || n > MAX_ARRAY) {
            throw new RdbFormatException(at, "bad length " + Long.toUnsignedString(n)
                    + ": too long for a key or a field");
        }
        return (int) n;
    }

    static String hex(int b) {
        return String.format("%02x", b);
    }

    static String printable(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().limit(64).forEach(c -> {
            if (c >= 0x20 && c != 0x7f) {
                out.appendCodePoint(c);
            } else {
                out.append(String.format("\\x%02x", c));
            }
        });
        return text.codePointCount(0, text.length()) > 64 ? out + "..." : out.toString();
    }
}
