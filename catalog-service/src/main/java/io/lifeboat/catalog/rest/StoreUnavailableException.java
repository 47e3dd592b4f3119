package io.lifeboat.catalog.rest;

/**
 * The catalog's stores cannot answer right now (the instance is restoring or rebalancing); the client should retry.
 */
public class StoreUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what could not be answered and why
     * @param cause the underlying failure, or null
     */
    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
