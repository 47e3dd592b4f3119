package io.lifeboat.agent.mongo.oplog;

/** An oplog entry could not be applied (an unknown op or command, a malformed entry, a failed write); names its ts. */
public final class OplogApplyException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    OplogApplyException(String message, Throwable cause) {
        super(message, cause);
    }
}
