package io.lifeboat.agent.pg.cdc;

/** A target's change capture cannot work as configured; it is not retried until the configuration changes. */
public class ChangeCaptureRefused extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** With a message that names the target, the cause and what to change. */
    public ChangeCaptureRefused(String message) {
        super(message);
    }
}
