package io.lifeboat.agentkit.crypto;

import java.io.IOException;

/** A wrapped data key could not be unwrapped: the master key is not the one that wrapped it, or the data changed. */
public class WrongKeyException extends IOException {

    private static final long serialVersionUID = 1L;

    /** The error with a message that names the backup and the key ids involved. */
    public WrongKeyException(String message, Throwable cause) {
        super(message, cause);
    }
}
