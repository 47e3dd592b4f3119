package io.lifeboat.agent.mongo.engine;

/** A dump that cannot go on, with a message naming the target, the database or collection and the cause. */
public class MongoDumpException extends Exception {

    private static final long serialVersionUID = 1L;

    /** A failure described by {@code message}. */
    public MongoDumpException(String message) {
        super(message);
    }

    /** A failure described by {@code message}, caused by {@code cause}. */
    public MongoDumpException(String message, Throwable cause) {
        super(message, cause);
    }
}
