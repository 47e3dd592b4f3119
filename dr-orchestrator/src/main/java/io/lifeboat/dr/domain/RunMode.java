package io.lifeboat.dr.domain;

import io.lifeboat.events.policy.FailoverMode;

/**
 * How a run proceeds; any mode may also be a dry run, which reports the steps and executes none.
 */
public enum RunMode {
    /** Every step runs without waiting for a person, except steps that always need an approval. */
    AUTOMATIC,
    /** The run waits for an approval before its first step, and before every step that needs one. */
    MANUAL,
    /** No standby exists: the target is recovered by restoring into a new instance. */
    RESTORE_ONLY;

    /**
     * Returns the run mode for a policy's failover mode.
     *
     * @param failoverMode failover mode of the target's policy
     * @return the matching run mode
     */
    public static RunMode of(FailoverMode failoverMode) {
        return switch (failoverMode) {
            case AUTOMATIC -> AUTOMATIC;
            case MANUAL -> MANUAL;
            case RESTORE -> RESTORE_ONLY;
        };
    }
}
