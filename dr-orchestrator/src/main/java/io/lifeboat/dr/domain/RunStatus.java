package io.lifeboat.dr.domain;

/**
 * Where a run of a runbook stands.
 */
public enum RunStatus {
    /** Created; no step has started yet. */
    PENDING,
    /** Waiting for a person to approve the next step. */
    AWAITING_APPROVAL,
    /** A step has started and the run is not finished. */
    RUNNING,
    /** Every step is done (or skipped in a dry run). */
    COMPLETED,
    /** A step failed for good; operators must act. */
    FAILED,
    /** A person stopped the run before it finished. */
    CANCELLED;

    /**
     * Tells whether the run is finished and accepts no more transitions.
     *
     * @return true for COMPLETED, FAILED and CANCELLED
     */
    public boolean terminal() {
        return this == COMPLETED || this == FAILED || this == CANCELLED;
    }
}
