package io.lifeboat.agent.fs.repo;

import java.io.IOException;

/** A stored chunk that cannot be read back intact: its tag, its compression or its id does not check out. */
public final class BadChunkException extends IOException {

    private static final long serialVersionUID = 1L;

    private final transient ChunkId chunkId;
    private final String packKey;

    /** A failure of chunk {@code chunkId} stored in pack {@code packKey}, for {@code reason}. */
    public BadChunkException(ChunkId chunkId, String packKey, String reason, Throwable cause) {
        super("chunk " + chunkId.hex() + " in pack '" + packKey + "' is bad: " + reason, cause);
        this.chunkId = chunkId;
        this.packKey = packKey;
    }

    /** The chunk that failed. */
    public ChunkId chunkId() {
        return chunkId;
    }

    /** The key of the pack the chunk was read from. */
    public String packKey() {
        return packKey;
    }
}
