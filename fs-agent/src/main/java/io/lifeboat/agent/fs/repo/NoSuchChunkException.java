package io.lifeboat.agent.fs.repo;

import java.io.IOException;

/** A chunk that no index lists, or whose pack is gone. */
public final class NoSuchChunkException extends IOException {

    private static final long serialVersionUID = 1L;

    /** An exception whose message names the chunk and where it was looked for. */
    public NoSuchChunkException(String message) {
        super(message);
    }
}
