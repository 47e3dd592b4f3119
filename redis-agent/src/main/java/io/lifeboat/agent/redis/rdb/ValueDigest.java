package io.lifeboat.agent.redis.rdb;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * SHA-256 of a serialized value (a DUMP payload without its trailer) that two servers agree on when they hold the
 * same value in the same encoding: the bytes themselves, except for hash-table sets and hashes, whose element order
 * follows a hash seed each server picks at start, so their elements are digested in sorted order instead.
 */
public final class ValueDigest {

    private ValueDigest() {
    }

    /** The digest of {@code payload}: the type byte, the value, and a trailer of {@code trailer} bytes ignored. */
    public static String of(byte[] payload, int trailer) {
        int type = payload[0] & 0xff;
        int end = payload.length - trailer;
        MessageDigest sha = sha256();
        if (type == RdbKeyReader.TYPE_SET || type == RdbKeyReader.TYPE_HASH) {
            try {
                sortedElements(sha, payload, end, type == RdbKeyReader.TYPE_HASH ? 2 : 1);
                return HexFormat.of().formatHex(sha.digest());
            } catch (RdbFormatException | RuntimeException e) {
                // Not the layout expected: fall back to the bytes, which still detect any change.
                sha.reset();
            }
        }
        sha.update(payload, 0, Math.max(0, end));
        return HexFormat.of().formatHex(sha.digest());
    }

    /** Digests {@code type, count, then each element (or field and value pair) in sorted order}. */
    private static void sortedElements(MessageDigest sha, byte[] payload, int end, int width)
            throws RdbFormatException {
        Cursor cursor = new Cursor(payload, 1, end);
        long count = cursor.length();
        List<byte[]> elements = new ArrayList<>();
        for (long i = 0; i < count; i++) {
            byte[] element = cursor.string();
            for (int w = 1; w < width; w++) {
                byte[] next = cursor.string();
                byte[] joined = Arrays.copyOf(element, element.length + 4 + next.length);
                System.arraycopy(next, 0, joined, element.length + 4, next.length);
                // A separator that no field can be confused with: the field's own length after it.
                joined[element.length] = (byte) (element.length >>> 24);
                joined[element.length + 1] = (byte) (element.length >>> 16);
                joined[element.length + 2] = (byte) (element.length >>> 8);
                joined[element.length + 3] = (byte) element.length;
                element = joined;
            }
            elements.add(element);
        }
        if (cursor.pos != end) {
            throw new RdbFormatException(cursor.pos, "value has " + (end - cursor.pos) + " bytes after its elements");
        }
        elements.sort(Arrays::compareUnsigned);
        sha.update(payload[0]);
        sha.update(Long.toString(count).getBytes(StandardCharsets.US_ASCII));
        for (byte[] element : elements) {
            sha.update(new byte[]{(byte) (element.length >>> 24), (byte) (element.length >>> 16),
                    (byte) (element.length >>> 8), (byte) element.length});
            sha.update(element);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /** Reads RDB lengths and strings from a byte array. */
    private static final class Cursor {

        private final byte[] bytes;
        private final int end;
        private int pos;

        Cursor(byte[] bytes, int pos, int end) {
            this.bytes = bytes;
            this.pos = pos;
            this.end = end;
        }

        long length() throws RdbFormatException {
            int first = next();
            return switch (first >>> 6) {
                case 0 -> first & 0x3f;
                case 1 -> ((first & 0x3f) << 8) | next();
                case 2 -> first == 0x80 ? bigEndian(4) : bigEndian(8);
                default -> throw new RdbFormatException(pos - 1, "an encoded string where a length belongs");
            };
        }

        byte[] string() throws RdbFormatException {
            int first = bytes[pos] & 0xff;
            if (first >>> 6 != 3) {
                return take(Math.toIntExact(length()));
            }
            pos++;
            return switch (first & 0x3f) {
                case 0 -> Long.toString((byte) next()).getBytes(StandardCharsets.US_ASCII);
                case 1 -> Long.toString((short) (next() | next() << 8)).getBytes(StandardCharsets.US_ASCII);
                case 2 -> Integer.toString(next() | next() << 8 | next() << 16 | next() << 24)
                        .getBytes(StandardCharsets.US_ASCII);
                case 3 -> {
                    int compressed = Math.toIntExact(length());
                    int length = Math.toIntExact(length());
                    long at = pos;
                    yield Lzf.inflate(take(compressed), length, at);
                }
                default -> throw new RdbFormatException(pos - 1, "unknown string encoding " + (first & 0x3f));
            };
        }

        private byte[] take(int n) throws RdbFormatException {
            if (n < 0 || pos + n > end) {
                throw new RdbFormatException(pos, "a string runs past the value's end");
            }
            byte[] out = Arrays.copyOfRange(bytes, pos, pos + n);
            pos += n;
            return out;
        }

        private int next() throws RdbFormatException {
            if (pos >= end) {
                throw new RdbFormatException(pos, "the value ends early");
            }
            return bytes[pos++] & 0xff;
        }

        private long bigEndian(int n) throws RdbFormatException {
            long value = 0;
            for (int i = 0; i < n; i++) {
                value = (value << 8) | next();
            }
            return value;
        }
    }
}
