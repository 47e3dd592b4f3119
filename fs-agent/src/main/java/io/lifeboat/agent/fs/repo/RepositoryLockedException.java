package io.lifeboat.agent.fs.repo;

import java.io.IOException;

/** A lock could not be taken because another fresh lock conflicts with it; the message names the holder. */
public final class RepositoryLockedException extends IOException {

    private static final long serialVersionUID = 1L;

    /** An exception with a message naming the lock held and its owner. */
    public RepositoryLockedException(String message) {
        super(message);
    }
}
