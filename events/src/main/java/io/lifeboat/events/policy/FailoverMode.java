package io.lifeboat.events.policy;

/**
 * How the DR orchestrator reacts when a target becomes unhealthy.
 */
public enum FailoverMode {
    /** Fence the primary and promote a standby without waiting for a person. */
    AUTOMATIC,
    /** Prepare the failover but wait for a {@code StartFailover} command as approval. */
    MANUAL,
    /** No standby exists: recover by restoring the newest backup into a new instance. */
    RESTORE
}
