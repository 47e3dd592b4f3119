package io.lifeboat.agent.mongo.oplog;

import java.io.IOException;

/** An object store operation on oplog slices failed; the message names the object and the store. */
public final class OplogStoreException extends IOException {

    private static final long serialVersionUID = 1L;

    OplogStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
