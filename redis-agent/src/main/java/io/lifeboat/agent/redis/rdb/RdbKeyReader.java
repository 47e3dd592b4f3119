package io.lifeboat.agent.redis.rdb;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads an RDB stream key by key, computing the CRC-64 of every byte and checking it against the trailer at the
 * end, so that keys can be counted per database, digested or RESTOREd (see {@link RdbKey#dumpPayload(int)}) straight
 * from a backup.
 * <p>
 * Values are not decoded: the reader knows only the extent of each encoding and hands over the serialized bytes.
 * One key's value is held in memory at a time (RESTORE needs it whole anyway), so memory grows with the largest
 * value, not with the RDB. AUX fields, RESIZEDB, LRU/LFU hints, module AUX data and function libraries are read
 * past; the pre-GA formats of Redis 7.0 release candidates (function opcode 0xf6) and Redis 4.0 release candidates
 * (module type 6) are refused, as Redis itself refuses them.
 * <p>
 * Reads are buffered, so the reader may consume bytes of {@code in} beyond the trailer: give it a stream that ends
 * with the RDB. Not thread-safe.
 */
public final class RdbKeyReader implements AutoCloseable {

    static final int TYPE_STRING = 0;
    static final int TYPE_LIST = 1;
    static final int TYPE_SET = 2;
    static final int TYPE_ZSET = 3;
    static final int TYPE_HASH = 4;
    static final int TYPE_ZSET_2 = 5;
    static final int TYPE_MODULE_PRE_GA = 6;
    static final int TYPE_MODULE_2 = 7;
    static final int TYPE_HASH_ZIPMAP = 9;
    static final int TYPE_LIST_ZIPLIST = 10;
    static final int TYPE_SET_INTSET = 11;
    static final int TYPE_ZSET_ZIPLIST = 12;
    static final int TYPE_HASH_ZIPLIST = 13;
    static final int TYPE_LIST_QUICKLIST = 14;
    static final int TYPE_STREAM_LISTPACKS = 15;
    static final int TYPE_HASH_LISTPACK = 16;
    static final int TYPE_ZSET_LISTPACK = 17;
    static final int TYPE_LIST_QUICKLIST_2 = 18;
    static final int TYPE_STREAM_LISTPACKS_2 = 19;
    static final int TYPE_SET_LISTPACK = 20;
    static final int TYPE_STREAM_LISTPACKS_3 = 21;
    /** Redis 7.4 hash types with field expirations (22, 23 from release candidates, 24, 25 from GA). */
    static final int TYPE_HASH_METADATA_PRE_GA = 22;
    static final int TYPE_HASH_LISTPACK_EX = 25;

    static final int OP_SLOT_INFO = 0xf4;
    static final int OP_FUNCTION2 = 0xf5;
    static final int OP_FUNCTION_PRE_GA = 0xf6;
    static final int OP_MODULE_AUX = 0xf7;
    static final int OP_IDLE = 0xf8;
    static final int OP_FREQ = 0xf9;
    static final int OP_AUX = 0xfa;
    static final int OP_RESIZEDB = 0xfb;
    static final int OP_EXPIRETIME_MS = 0xfc;
    static final int OP_EXPIRETIME = 0xfd;
    static final int OP_SELECTDB = 0xfe;
    static final int OP_EOF = 0xff;

    /** The newest RDB version this reader knows (Redis 7.4). */
    static final int MAX_VERSION = 12;
    /** The first RDB version with a CRC-64 trailer. */
    private static final int FIRST_VERSION_WITH_CHECKSUM = 5;

    private static final int QUICKLIST_NODE_PLAIN = 1;
    private static final int QUICKLIST_NODE_PACKED = 2;
    private static final int MODULE_OPCODE_EOF = 0;
    private static final int MODULE_OPCODE_SINT = 1;
    private static final int MODULE_OPCODE_UINT = 2;
    private static final int MODULE_OPCODE_FLOAT = 3;
    private static final int MODULE_OPCODE_DOUBLE = 4;
    private static final int MODULE_OPCODE_STRING = 5;
    /** Stream IDs are stored raw in PELs: two 64-bit big-endian numbers. */
    private static final int STREAM_ID_BYTES = 16;
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
    private Capture capture;
    /** What is being read, for the truncation message; null while reading the value of {@link #valueKey}. */
    private String reading = "the header";
    private byte[] valueKey;
    private int valueType;

    private final int version;
    private final Map<String, String> aux = new LinkedHashMap<>();
    private final Map<Integer, Long> announcedKeys = new LinkedHashMap<>();
    private int db;
    private long functions;
    private boolean done;
    private RdbChecksum checksum;
    private long storedCrc;
    private long computedCrc;

    /** Reads and checks the {@code REDISnnnn} header; throws {@link RdbFormatException} if {@code in} is no RDB. */
    public RdbKeyReader(InputStream in) throws IOException {
        this.in = in;
        byte[] magic = new byte[9];
        for (int i = 0; i < magic.length; i++) {
            if (!available()) {
                throw new RdbFormatException(offset(), "not an RDB: the stream ends inside the 9-byte header");
            }
            magic[i] = (byte) u8();
        }
        String header = new String(magic, StandardCharsets.ISO_8859_1);
        if (!header.startsWith("REDIS") || !header.substring(5).chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new RdbFormatException(0, "not an RDB: the header is '" + printable(header)
                    + "', not REDIS and a 4-digit version");
        }
        version = Integer.parseInt(header.substring(5));
        if (version < 1 || version > MAX_VERSION) {
            throw new RdbFormatException(5, "RDB version " + version + " is outside 1.." + MAX_VERSION
                    + (version > MAX_VERSION ? ": this RDB needs a newer reader" : ""));
        }
    }

    /** The RDB version from the header (10 for Redis 7.0, 11 for 7.2). */
    public int version() {
        return version;
    }

    /** AUX fields seen so far, in stream order; integer-encoded values as decimal strings. */
    public Map<String, String> aux() {
        return Collections.unmodifiableMap(aux);
    }

    /** Key counts per database as announced by RESIZEDB so far (Redis writes one before each database's keys). */
    public Map<Integer, Long> announcedKeys() {
        return Collections.unmodifiableMap(announcedKeys);
    }

    /**
     * The next key, or null once the EOF opcode and the trailer have been read (and at every call after that).
     *
     * @throws RdbFormatException if the stream is truncated or holds an opcode, type or encoding not understood
     */
    public RdbKey next() throws IOException {
        if (done) {
            return null;
        }
        long expireAt = -1;
        while (true) {
            reading = "an opcode or a type";
            long at = offset();
            int op = u8();
            switch (op) {
                case OP_EOF -> {
                    trailer();
                    return null;
                }
                case OP_SELECTDB -> {
                    reading = "a SELECTDB";
                    long n = length();
                    if (n < 0 || n > Integer.MAX_VALUE) {
                        throw new RdbFormatException(at, "bad database number " + n + " in SELECTDB");
                    }
                    db = (int) n;
                }
                case OP_RESIZEDB -> {
                    reading = "a RESIZEDB";
                    announcedKeys.put(db, length());
                    length();
                }
                case OP_AUX -> {
                    reading = "an AUX field";
                    String key = new String(string(), StandardCharsets.UTF_8);
                    aux.put(key, new String(string(), StandardCharsets.UTF_8));
                }
                case OP_EXPIRETIME_MS -> {
                    reading = "an expiry time";
                    expireAt = littleEndian(8);
                }
                case OP_EXPIRETIME -> {
                    reading = "an expiry time";
                    expireAt = ((int) littleEndian(4)) * 1000L;
                }
                case OP_IDLE -> {
                    reading = "an LRU idle time";
                    length();
                }
                case OP_FREQ -> {
                    reading = "an LFU frequency";
                    u8();
                }
                case OP_MODULE_AUX -> {
                    reading = "module AUX data";
                    length(); // module id
                    moduleValues();
                }
                case OP_FUNCTION2 -> {
                    reading = "a function library";
                    skipString();
                    functions++;
                }
                case OP_SLOT_INFO -> {
                    reading = "a cluster slot info";
                    length();
                    length();
                    length();
                }
                case OP_FUNCTION_PRE_GA -> throw new RdbFormatException(at,
                        "function library in the pre-release format of Redis 7.0 release candidates (opcode 0xf6)"
                                + " is not supported, as Redis itself does not load it");
                default -> {
                    return key(op, at, expireAt);
                }
            }
        }
    }

    /**
     * The trailer check, once {@link #next()} has returned null: {@link RdbChecksum#MISSING} also for RDB versions
     * before 5, which have no trailer.
     *
     * @throws IllegalStateException before the EOF opcode has been read
     */
    public RdbChecksum checksum() {
        if (!done) {
            throw new IllegalStateException("the checksum is known once next() has returned null");
        }
        return checksum;
    }

    /** The CRC-64 stored in the trailer (0 when missing or disabled); valid once {@link #next()} returned null. */
    public long storedCrc() {
        return storedCrc;
    }

    /** The CRC-64 computed over every byte before the trailer; valid once {@link #next()} returned null. */
    public long computedCrc() {
        return computedCrc;
    }

    /** How many function libraries (FUNCTION2 records) were read past so far. */
    public long functions() {
        return functions;
    }

    /** Bytes consumed from the stream so far, header and trailer included. */
    public long bytesRead() {
        return offset();
    }

    /** Closes the underlying stream. */
    @Override
    public void close() throws IOException {
        in.close();
    }

    private RdbKey key(int type, long at, long expireAt) throws IOException {
        checkType(type, at);
        reading = "a key name";
        byte[] key = string();
        reading = null; // a value: truncated() names the key
        valueKey = key;
        valueType = type;
        capture = new Capture();
        try {
            value(type);
            return new RdbKey(db, key, expireAt, type, capture.toByteArray());
        } finally {
            capture = null;
        }
    }

    private void checkType(int type, long at) throws RdbFormatException {
        if (type == TYPE_MODULE_PRE_GA) {
            throw new RdbFormatException(at, "module value in the pre-release format of Redis 4.0 release candidates"
                    + " (type 6) is not supported, as Redis itself does not load it");
        }
        if (type >= TYPE_HASH_METADATA_PRE_GA && type <= TYPE_HASH_LISTPACK_EX) {
            throw new RdbFormatException(at, "type " + type + " (a hash with field expirations, Redis 7.4 or later)"
                    + " is not supported: this RDB needs a newer reader");
        }
        if (type > TYPE_HASH_LISTPACK_EX && type < OP_SLOT_INFO) {
            throw new RdbFormatException(at, "unknown type or opcode 0x" + hex(type)
                    + ": this RDB (version " + version + ") may need a newer reader");
        }
        if (type == 8 || type > TYPE_STREAM_LISTPACKS_3) {
            throw new RdbFormatException(at, "unknown type or opcode 0x" + hex(type));
        }
    }

    /** Reads past one value of {@code type}, as {@code rdbSaveObject} wrote it. */
    private void value(int type) throws IOException {
        switch (type) {
            case TYPE_STRING, TYPE_HASH_ZIPMAP, TYPE_LIST_ZIPLIST, TYPE_SET_INTSET, TYPE_ZSET_ZIPLIST,
                    TYPE_HASH_ZIPLIST, TYPE_HASH_LISTPACK, TYPE_ZSET_LISTPACK, TYPE_SET_LISTPACK ->
                skipString();
            case TYPE_LIST, TYPE_SET, TYPE_LIST_QUICKLIST -> {
                for (long i = count(); i > 0; i--) {
                    skipString();
                }
            }
            case TYPE_ZSET -> {
                for (long i = count(); i > 0; i--) {
                    skipString();
                    int n = u8(); // 253 NaN, 254 +inf, 255 -inf, else the length of the ASCII number
                    if (n < 253) {
                        skip(n);
                    }
                }
            }
            case TYPE_ZSET_2 -> {
                for (long i = count(); i > 0; i--) {
                    skipString();
                    skip(8); // binary double
                }
            }
            case TYPE_HASH -> {
                for (long i = count(); i > 0; i--) {
                    skipString();
                    skipString();
                }
            }
            case TYPE_LIST_QUICKLIST_2 -> {
                for (long i = count(); i > 0; i--) {
                    long at = offset();
                    long container = length();
                    if (container != QUICKLIST_NODE_PLAIN && container != QUICKLIST_NODE_PACKED) {
                        throw new RdbFormatException(at, "bad quicklist node container " + container);
                    }
                    skipString();
                }
            }
            case TYPE_STREAM_LISTPACKS, TYPE_STREAM_LISTPACKS_2, TYPE_STREAM_LISTPACKS_3 -> stream(type);
            case TYPE_MODULE_2 -> {
                length(); // module id
                moduleValues();
            }
            default -> throw new IllegalStateException("type " + type + " passed checkType");
        }
    }

    private void stream(int type) throws IOException {
        for (long i = count(); i > 0; i--) {
            skipString(); // the master ID of the node, 16 bytes
            skipString(); // the listpack
        }
        length(); // entries
        length(); // last ID ms
        length(); // last ID seq
        if (type >= TYPE_STREAM_LISTPACKS_2) {
            length(); // first ID ms
            length(); // first ID seq
            length(); // max deleted entry ID ms
            length(); // max deleted entry ID seq
            length(); // entries added
        }
        for (long groups = count(); groups > 0; groups--) {
            skipString(); // name
            length(); // last delivered ID ms
            length(); // last delivered ID seq
            if (type >= TYPE_STREAM_LISTPACKS_2) {
                length(); // entries read
            }
            for (long pel = count(); pel > 0; pel--) {
                skip(STREAM_ID_BYTES);
                skip(8); // delivery time, ms, raw
                length(); // delivery count
            }
            for (long consumers = count(); consumers > 0; consumers--) {
                skipString(); // name
                skip(8); // seen time
                if (type >= TYPE_STREAM_LISTPACKS_3) {
                    skip(8); // active time
                }
                for (long pel = count(); pel > 0; pel--) {
                    skip(STREAM_ID_BYTES);
                }
            }
        }
    }

    /** Opcode-tagged module values up to the EOF opcode, as {@code rdbLoadCheckModuleValue} reads them. */
    private void moduleValues() throws IOException {
        while (true) {
            long at = offset();
            long opcode = length();
            if (opcode == MODULE_OPCODE_EOF) {
                return;
            } else if (opcode == MODULE_OPCODE_SINT || opcode == MODULE_OPCODE_UINT) {
                length();
            } else if (opcode == MODULE_OPCODE_FLOAT) {
                skip(4);
            } else if (opcode == MODULE_OPCODE_DOUBLE) {
                skip(8);
            } else if (opcode == MODULE_OPCODE_STRING) {
                skipString();
            } else {
                throw new RdbFormatException(at, "unknown module value opcode " + opcode);
            }
        }
    }

    /** The EOF opcode has been read: reads and checks the trailer. */
    private void trailer() throws IOException {
        crcOn = false;
        computedCrc = crc.value();
        done = true;
        if (version < FIRST_VERSION_WITH_CHECKSUM) {
            checksum = RdbChecksum.MISSING;
            return;
        }
        reading = "the checksum trailer";
        if (!available()) {
            checksum = RdbChecksum.MISSING;
            return;
        }
        storedCrc = littleEndian(8);
        checksum = storedCrc == 0
                ? RdbChecksum.DISABLED
                : storedCrc == computedCrc ? RdbChecksum.VERIFIED : RdbChecksum.MISMATCH;
    }

    /**
     * An RDB length (6, 14, 32 or 64 bits), unsigned: a stream group's unknown entries-read counter is -1 stored
     * as 2^64-1; the special string encodings are an error here.
     */
    private long length() throws IOException {
        long at = offset();
        return length(u8(), at);
    }

    /** A length that counts elements, so must fit a signed long. */
    private long count() throws IOException {
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
    private byte[] string() throws IOException {
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
    private void skipString() throws IOException {
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

    private long littleEndian(int bytes) throws IOException {
        long value = 0;
        for (int i = 0; i < bytes; i++) {
            value |= ((long) u8()) << (8 * i);
        }
        return value;
    }

    private int u8() throws IOException {
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
    private void skip(long n) throws IOException {
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

    private boolean available() throws IOException {
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

    private long offset() {
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

    private static String hex(int b) {
        return String.format("%02x", b);
    }

    private static String printable(String text) {
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

    /** A growable byte array that receives a value's bytes. */
    private static final class Capture {
        private byte[] bytes = new byte[256];
        private int length;

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
                if (length + (long) n > MAX_ARRAY) {
                    throw new RdbFormatException(at, "value larger than 2 GiB, which cannot be held in memory");
                }
                bytes = Arrays.copyOf(bytes, (int) Math.min(MAX_ARRAY, Math.max(length + (long) n,
                        bytes.length * 2L)));
            }
        }

        byte[] toByteArray() {
            return Arrays.copyOf(bytes, length);
        }
    }
}
