package io.lifeboat.dr.service;

/**
 * Another orchestrator instance took over the run log; this one must stop acting.
 */
public final class FencedOutException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what was taken over, naming the target
     * @param cause the broker's refusal
     */
    public FencedOutException(String message, Throwable cause) {
        super(message, cause);
    }
}
