package io.lifeboat.cli.ops;

/** A verb could not do its work; the message is complete as it stands and says what to do. */
public final class OpsFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** A failure with a complete message. */
    public OpsFailure(String message) {
        super(message);
    }

    /** A failure with a complete message and the exception behind it. */
    public OpsFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
