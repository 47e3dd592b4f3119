package io.lifeboat.agent.redis.rdb;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Parses the start of an RDB (header, AUX, SELECTDB, RESIZEDB) from a buffered prefix and stops at the first key,
 * function or module record; the rest of the format is not interpreted.
 */
final class RdbHeaderParser {

    static final int OP_FUNCTION2 = 0xf5;
    static final int OP_MODULE_AUX = 0xf7;
    static final int OP_AUX = 0xfa;
    static final int OP_RESIZEDB = 0xfb;
    static final int OP_SELECTDB = 0xfe;
    static final int OP_EOF = 0xff;

    /** Signals that the prefix ends before the header does; the caller retries with more bytes. */
    static final class NeedMore extends Exception {
        private static final long serialVersionUID = 1L;

        NeedMore() {
            super(null, null, false, false);
        }
    }

    /** What was parsed; {@code version} is -1 when the prefix is not an RDB. */
    record Header(int version, Map<String, String> aux, Map<Integer, Long> keys, Map<Integer, Long> expires) {
    }

    private final byte[] buf;
    private final int length;
    private int pos;

    private RdbHeaderParser(byte[] buf, int length) {
        this.buf = buf;
        this.length = length;
    }

    /** Parses {@code length} bytes of {@code buf}; throws {@link NeedMore} if they end inside the header. */
    static Header parse(byte[] buf, int length) throws NeedMore {
        return new RdbHeaderParser(buf, length).header();
    }

    private Header header() throws NeedMore {
        Map<String, String> aux = new LinkedHashMap<>();
        Map<Integer, Long> keys = new LinkedHashMap<>();
        Map<Integer, Long> expires = new LinkedHashMap<>();
        String magic = new String(take(9), StandardCharsets.US_ASCII);
        if (!magic.startsWith("REDIS") || !magic.substring(5).chars().allMatch(Character::isDigit)) {
            return new Header(-1, aux, keys, expires);
        }
        int version = Integer.parseInt(magic.substring(5));
        int db = 0;
        while (true) {
            int opcode = next();
            if (opcode == OP_AUX) {
                String key = string();
                aux.put(key, string());
            } else if (opcode == OP_SELECTDB) {
                db = (int) length();
            } else if (opcode == OP_RESIZEDB) {
                keys.put(db, length());
                expires.put(db, length());
            } else {
                // A key (type byte or expiry/LRU/LFU prefix), a function, module data or the EOF opcode.
                return new Header(version, aux, keys, expires);
            }
        }
    }

    /** An RDB length; the special (string) encodings are handled by {@link #string()}. */
    private long length() throws NeedMore {
        int first = next();
        return switch (first >>> 6) {
            case 0 -> first & 0x3f;
            case 1 -> ((first & 0x3f) << 8) | next();
            case 2 -> first == 0x80 ? bigEndian(4) : bigEndian(8);
            default -> throw new IllegalStateException("an encoded value where a length was expected: " + first);
        };
    }

    private String string() throws NeedMore {
        int first = peek();
        if (first >>> 6 != 3) {
            long n = length();
            return new String(take((int) n), StandardCharsets.UTF_8);
        }
        pos++;
        return switch (first & 0x3f) {
            case 0 -> String.valueOf((byte) next());
            case 1 -> String.valueOf((short) littleEndian(2));
            case 2 -> String.valueOf((int) littleEndian(4));
            case 3 -> lzf();
            default -> throw new IllegalStateException("unknown string encoding " + first);
        };
    }

    /** LZF-compressed strings are skipped, not inflated: AUX values are short and rarely compressed. */
    private String lzf() throws NeedMore {
        long compressed = length();
        long plain = length();
        take((int) compressed);
        return "<lzf-compressed, " + plain + " bytes>";
    }

    private long bigEndian(int bytes) throws NeedMore {
        long value = 0;
        for (int i = 0; i < bytes; i++) {
            value = (value << 8) | next();
        }
        return value;
    }

    private long littleEndian(int bytes) throws NeedMore {
        long value = 0;
        for (int i = 0; i < bytes; i++) {
            value |= ((long) next()) << (8 * i);
        }
        return value;
    }

    private int peek() throws NeedMore {
        if (pos >= length) {
            throw new NeedMore();
        }
        return buf[pos] & 0xff;
    }

    private int next() throws NeedMore {
        int b = peek();
        pos++;
        return b;
    }

    private byte[] take(int n) throws NeedMore {
        if (n < 0 || pos + n > length) {
            throw new NeedMore();
        }
        byte[] bytes = new byte[n];
        System.arraycopy(buf, pos, bytes, 0, n);
        pos += n;
        return bytes;
    }
}
