package io.lifeboat.agent.redis.rdb;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
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

    private final RdbInput in;
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
        this.in = new RdbInput(in);
        byte[] magic = new byte[9];
        for (int i = 0; i < magic.length; i++) {
            if (!this.in.available()) {
                throw new RdbFormatException(this.in.offset(), "not an RDB: the stream ends inside the 9-byte header");
            }
            magic[i] = (byte) this.in.u8();
        }
        String header = new String(magic, StandardCharsets.ISO_8859_1);
        if (!header.startsWith("REDIS") || !header.substring(5).chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new RdbFormatException(0, "not an RDB: the header is '" + RdbInput.printable(header)
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
            in.reading("an opcode or a type");
            long at = in.offset();
            int op = in.u8();
            switch (op) {
                case OP_EOF -> {
                    trailer();
                    return null;
                }
                case OP_SELECTDB -> {
                    in.reading("a SELECTDB");
                    long n = in.length();
                    if (n < 0 || n > Integer.MAX_VALUE) {
                        throw new RdbFormatException(at, "bad database number " + n + " in SELECTDB");
                    }
                    db = (int) n;
                }
                case OP_RESIZEDB -> {
                    in.reading("a RESIZEDB");
                    announcedKeys.put(db, in.length());
                    in.length();
                }
                case OP_AUX -> {
                    in.reading("an AUX field");
                    String key = new String(in.string(), StandardCharsets.UTF_8);
                    aux.put(key, new String(in.string(), StandardCharsets.UTF_8));
                }
                case OP_EXPIRETIME_MS -> {
                    in.reading("an expiry time");
                    expireAt = in.littleEndian(8);
                }
                case OP_EXPIRETIME -> {
                    in.reading("an expiry time");
                    expireAt = ((int) in.littleEndian(4)) * 1000L;
                }
                case OP_IDLE -> {
                    in.reading("an LRU idle time");
                    in.length();
                }
                case OP_FREQ -> {
                    in.reading("an LFU frequency");
                    in.u8();
                }
                case OP_MODULE_AUX -> {
                    in.reading("module AUX data");
                    in.length(); // module id
                    RdbValues.moduleValues(in);
                }
                case OP_FUNCTION2 -> {
                    in.reading("a function library");
                    in.skipString();
                    functions++;
                }
                case OP_SLOT_INFO -> {
                    in.reading("a cluster slot info");
                    in.length();
                    in.length();
                    in.length();
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
        return in.offset();
    }

    /** Closes the underlying stream. */
    @Override
    public void close() throws IOException {
        in.close();
    }

    private RdbKey key(int type, long at, long expireAt) throws IOException {
        RdbValues.checkType(type, at, version);
        in.reading("a key name");
        byte[] key = in.string();
        in.startValue(key, type);
        byte[] value;
        try {
            RdbValues.skip(in, type);
        } finally {
            value = in.endValue();
        }
        return new RdbKey(db, key, expireAt, type, value);
    }

    /** The EOF opcode has been read: reads and checks the trailer. */
    private void trailer() throws IOException {
        computedCrc = in.stopCrc();
        done = true;
        if (version < FIRST_VERSION_WITH_CHECKSUM) {
            checksum = RdbChecksum.MISSING;
            return;
        }
        in.reading("the checksum trailer");
        if (!in.available()) {
            checksum = RdbChecksum.MISSING;
            return;
        }
        storedCrc = in.littleEndian(8);
        checksum = storedCrc == 0
                ? RdbChecksum.DISABLED
                : storedCrc == computedCrc ? RdbChecksum.VERIFIED : RdbChecksum.MISMATCH;
    }
}
