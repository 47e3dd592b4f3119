package io.lifeboat.events.envelope;

/**
 * Internal signal that a record is not a valid event; {@link EventCodec} adds the record position.
 */
final class Rejection extends RuntimeException {

    private static final long serialVersionUID = 1L;

    Rejection(String reason) {
        super(reason);
    }

    Rejection(String reason, Throwable cause) {
        super(reason, cause);
    }
}
