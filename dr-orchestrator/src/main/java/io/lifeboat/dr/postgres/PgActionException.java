package io.lifeboat.dr.postgres;

/** A PostgreSQL action could not reach its goal on a member; the message names the member and the cause. */
public final class PgActionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String member;

    /**
     * Creates the exception.
     *
     * @param member the member's name
     * @param message what failed, naming the member and the cause
     * @param cause the underlying error, or null
     */
    public PgActionException(String member, String message, Throwable cause) {
        super(message, cause);
        this.member = member;
    }

    /**
     * Returns the member the action failed on.
     *
     * @return the member's name
     */
    public String member() {
        return member;
    }
}
