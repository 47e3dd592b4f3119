package io.lifeboat.dr.domain;

/**
 * Where one step of a run stands.
 */
public enum StepStatus {
    /** Not started, or failed with a retryable error and waiting for its next attempt. */
    PENDING,
    /** Started and not yet reported done or failed; after a crash it is executed again, idempotently. */
    RUNNING,
    /** Finished; never executed again in this run. */
    DONE,
    /** Failed for good; the run failed with it. */
    FAILED,
    /** Not executed, e.g. in a dry run. */
    SKIPPED
}
