package io.lifeboat.agent.redis.rdb;

import java.io.IOException;

/** Thrown when a stream is not an RDB, or is one this reader cannot walk: the message names the byte offset. */
public class RdbFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    private final long offset;

    public RdbFormatException(long offset, String problem) {
        super(problem + " at byte offset " + offset);
        this.offset = offset;
    }

    /** The byte offset in the RDB (0 = the first byte of the header) where the problem was found. */
    public long offset() {
        return offset;
    }
}
