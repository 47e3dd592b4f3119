package io.lifeboat.agent.redis.rdb;

import static io.lifeboat.agent.redis.rdb.RdbKeyReader.OP_SLOT_INFO;
import static io.lifeboat.agent.redis.rdb.RdbKeyReader.TYPE_HASH;
import static io.lifeboat.agent.redis.rdb.RdbKeyReader.TYPE_HASH_LISTPACK;
import static io.lifeboat.agent.redis.rdb.RdbKeyReader.TYPE_HASH_LISTPACK_EX;
import static io.lifeboat.agent.redis.rdb.RdbKeyReader.TYPE_HASH_METADATA_PRE_GA;
import static io.lifeboat.agent.redis.rdb.RdbKeyReader.TYPE_HASH_ZIPLIST;
import static io.lifeboat.agent.redis.rdb.RdbKeyReader.TYPE_HASH_ZIPMAP;
import static io.lifeboat.agent.redis.rdb.RdbKeyReader.TYPE_LIST;
import static io.lifeboat.agent.redis.rdb.RdbKeyReader.TYPE_LIST_QUICKLIST;
import static io.lifeboat.agent.redis.rdb.RdbKeyReader.TYPE_LIST_QUICKLIST_2;
import static io.lifeboat.agent.redis.rdb.RdbKeyReader.TYPE_LIST_ZIPLIST;
import static io.lifeboat.agent.redis.rdb.RdbKeyReader.TYPE_MODULE_2;
import static io.lifeboat.agent.redis.rdb.RdbKeyReader.TYPE_MODULE_PRE_GA;
import static io.lifeboat.agent.redis.rdb.RdbKeyReader.TYPE_SET;
import static io.lifeboat.agent.redis.rdb.RdbKeyReader.TYPE_SET_INTSET;
import static io.lifeboat.agent.redis.rdb.RdbKeyReader.TYPE_SET_LISTPACK;
import static io.lifeboat.agent.redis.rdb.RdbKeyReader.TYPE_STREAM_LISTPACKS;
import static io.lifeboat.agent.redis.rdb.RdbKeyReader.TYPE_STREAM_LISTPACKS_2;
import static io.lifeboat.agent.redis.rdb.RdbKeyReader.TYPE_STREAM_LISTPACKS_3;
import static io.lifeboat.agent.redis.rdb.RdbKeyReader.TYPE_STRING;
import static io.lifeboat.agent.redis.rdb.RdbKeyReader.TYPE_ZSET;
import static io.lifeboat.agent.redis.rdb.RdbKeyReader.TYPE_ZSET_2;
import static io.lifeboat.agent.redis.rdb.RdbKeyReader.TYPE_ZSET_LISTPACK;
import static io.lifeboat.agent.redis.rdb.RdbKeyReader.TYPE_ZSET_ZIPLIST;

import java.io.IOException;

/**
 * The extent of each RDB value type, as {@code rdbSaveObject} writes it: which types a reader accepts, and how to
 * read past one value (its bytes go to the input's CRC and value capture); nothing is decoded.
 */
final class RdbValues {

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

    private RdbValues() {
    }

    static void checkType(int type, long at, int version) throws RdbFormatException {
        if (type == TYPE_MODULE_PRE_GA) {
            throw new RdbFormatException(at, "module value in the pre-release format of Redis 4.0 release candidates"
                    + " (type 6) is not supported, as Redis itself does not load it");
        }
        if (type >= TYPE_HASH_METADATA_PRE_GA && type <= TYPE_HASH_LISTPACK_EX) {
            throw new RdbFormatException(at, "type " + type + " (a hash with field expirations, Redis 7.4 or later)"
                    + " is not supported: this RDB needs a newer reader");
        }
        if (type > TYPE_HASH_LISTPACK_EX && type < OP_SLOT_INFO) {
            throw new RdbFormatException(at, "unknown type or opcode 0x" + RdbInput.hex(type)
                    + ": this RDB (version " + version + ") may need a newer reader");
        }
        if (type == 8 || type > TYPE_STREAM_LISTPACKS_3) {
            throw new RdbFormatException(at, "unknown type or opcode 0x" + RdbInput.hex(type));
        }
    }

    /** Reads past one value of {@code type}, as {@code rdbSaveObject} wrote it. */
    static void skip(RdbInput in, int type) throws IOException {
        switch (type) {
            case TYPE_STRING, TYPE_HASH_ZIPMAP, TYPE_LIST_ZIPLIST, TYPE_SET_INTSET, TYPE_ZSET_ZIPLIST,
                    TYPE_HASH_ZIPLIST, TYPE_HASH_LISTPACK, TYPE_ZSET_LISTPACK, TYPE_SET_LISTPACK ->
                in.skipString();
            case TYPE_LIST, TYPE_SET, TYPE_LIST_QUICKLIST -> {
                for (long i = in.count(); i > 0; i--) {
                    in.skipString();
                }
            }
            case TYPE_ZSET -> {
                for (long i = in.count(); i > 0; i--) {
                    in.skipString();
                    int n = in.u8(); // 253 NaN, 254 +inf, 255 -inf, else the length of the ASCII number
                    if (n < 253) {
                        in.skip(n);
                    }
                }
            }
            case TYPE_ZSET_2 -> {
                for (long i = in.count(); i > 0; i--) {
                    in.skipString();
                    in.skip(8); // binary double
                }
            }
            case TYPE_HASH -> {
                for (long i = in.count(); i > 0; i--) {
                    in.skipString();
                    in.skipString();
                }
            }
            case TYPE_LIST_QUICKLIST_2 -> {
                for (long i = in.count(); i > 0; i--) {
                    long at = in.offset();
                    long container = in.length();
                    if (container != QUICKLIST_NODE_PLAIN && container != QUICKLIST_NODE_PACKED) {
                        throw new RdbFormatException(at, "bad quicklist node container " + container);
                    }
                    in.skipString();
                }
            }
            case TYPE_STREAM_LISTPACKS, TYPE_STREAM_LISTPACKS_2, TYPE_STREAM_LISTPACKS_3 -> stream(in, type);
            case TYPE_MODULE_2 -> {
                in.length(); // module id
                moduleValues(in);
            }
            default -> throw new IllegalStateException("type " + type + " passed checkType");
        }
    }

    private static void stream(RdbInput in, int type) throws IOException {
        for (long i = in.count(); i > 0; i--) {
            in.skipString(); // the master ID of the node, 16 bytes
            in.skipString(); // the listpack
        }
        in.length(); // entries
        in.length(); // last ID ms
        in.length(); // last ID seq
        if (type >= TYPE_STREAM_LISTPACKS_2) {
            in.length(); // first ID ms
            in.length(); // first ID seq
            in.length(); // max deleted entry ID ms
            in.length(); // max deleted entry ID seq
            in.length(); // entries added
        }
        for (long groups = in.count(); groups > 0; groups--) {
            in.skipString(); // name
            in.length(); // last delivered ID ms
            in.length(); // last delivered ID seq
            if (type >= TYPE_STREAM_LISTPACKS_2) {
                in.length(); // entries read
            }
            for (long pel = in.count(); pel > 0; pel--) {
                in.skip(STREAM_ID_BYTES);
                in.skip(8); // delivery time, ms, raw
                in.length(); // delivery count
            }
            for (long consumers = in.count(); consumers > 0; consumers--) {
                in.skipString(); // name
                in.skip(8); // seen time
                if (type >= TYPE_STREAM_LISTPACKS_3) {
                    in.skip(8); // active time
                }
                for (long pel = in.count(); pel > 0; pel--) {
                    in.skip(STREAM_ID_BYTES);
                }
            }
        }
    }

    /** Opcode-tagged module values up to the EOF opcode, as {@code rdbLoadCheckModuleValue} reads them. */
    static void moduleValues(RdbInput in) throws IOException {
        while (true) {
            long at = in.offset();
            long opcode = in.length();
            if (opcode == MODULE_OPCODE_EOF) {
                return;
            } else if (opcode == MODULE_OPCODE_SINT || opcode == MODULE_OPCODE_UINT) {
                in.length();
            } else if (opcode == MODULE_OPCODE_FLOAT) {
                in.skip(4);
            } else if (opcode == MODULE_OPCODE_DOUBLE) {
                in.skip(8);
            } else if (opcode == MODULE_OPCODE_STRING) {
                in.skipString();
            } else {
                throw new RdbFormatException(at, "unknown module value opcode " + opcode);
            }
        }
    }
}
