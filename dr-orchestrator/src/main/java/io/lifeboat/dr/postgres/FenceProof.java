package io.lifeboat.dr.postgres;

/** What shows, after a fence, that a member can no longer accept writes from ordinary clients; or that nothing does. */
public enum FenceProof {
    /** A new session read {@code default_transaction_read_only = on}. */
    READ_ONLY_CONFIRMED("a new session reads default_transaction_read_only = on"),
    /** A new session found it in recovery: a standby accepts no writes. */
    IN_RECOVERY("a new session finds it in recovery (a standby)"),
    /** The fence command exited with 0 and the member then refused connections. */
    STOPPED_BY_COMMAND("the fence command succeeded and it refuses connections"),
    /** Nothing proves it: unreachable without a successful fence command, or still writable. */
    NONE("not provably fenced");

    private final String description;

    FenceProof(String description) {
        this.description = description;
    }

    /**
     * The proof in words, for summaries.
     *
     * @return the description
     */
    public String description() {
        return description;
    }
}
