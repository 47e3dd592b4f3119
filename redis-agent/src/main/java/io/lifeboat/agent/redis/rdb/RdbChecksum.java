package io.lifeboat.agent.redis.rdb;

/** The outcome of checking an RDB's CRC-64 trailer. */
public enum RdbChecksum {
    /** The trailer equals the CRC-64 of every byte before it. */
    VERIFIED,
    /** The trailer is 0: the source runs with {@code rdbchecksum no}, so nothing can be checked. */
    DISABLED,
    /** The trailer differs from the computed CRC-64: the RDB is corrupt. */
    MISMATCH,
    /** The stream is shorter than a header and a trailer, or does not end with the EOF opcode. */
    MISSING
}
