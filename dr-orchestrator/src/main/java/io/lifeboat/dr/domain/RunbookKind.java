package io.lifeboat.dr.domain;

/**
 * What a runbook recovers from; the kind decides which rules guard its start.
 */
public enum RunbookKind {
    /** Fence the primary and promote a standby; guarded by the hold-down after a previous failover. */
    FAILOVER,
    /** Restore one target into a new instance after corruption, data loss or to a point in time. */
    RESTORE,
    /** Restore every target of a group in dependency order after a complete failure. */
    COMPLETE_FAILURE,
    /** Rehearse a restore into a scratch instance, measure it and throw the instance away. */
    DRILL
}
