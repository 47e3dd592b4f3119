package io.lifeboat.dr.postgres;

/**
 * How the first fencing layer (read-only default plus cutting client sessions) went on one member.
 *
 * @param status whether it was applied
 * @param terminatedSessions the client sessions cut; 0 unless applied
 * @param error why it was not applied; null when it was
 */
public record ReadOnlyOutcome(Status status, int terminatedSessions, String error) {

    /** Whether the read-only layer was applied. */
    public enum Status {
        /** Read-only default set persistently, reloaded, seen by a new session, and client sessions cut. */
        APPLIED,
        /** No session could be opened; nothing was changed. */
        UNREACHABLE,
        /** A session was opened but a statement failed; the member may be partly fenced. */
        FAILED
    }

    /**
     * One line saying what was done.
     *
     * @return the summary
     */
    public String summary() {
        return switch (status) {
            case APPLIED ->
                "set default_transaction_read_only = on and cut " + terminatedSessions + " client session(s)";
            case UNREACHABLE -> "unreachable, not fenced yet (" + error + ")";
            case FAILED -> "read-only fence failed (" + error + ")";
        };
    }
}
