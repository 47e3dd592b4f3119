package io.lifeboat.agent.redis.replication;

/** The command that asks the source for a full synchronisation. */
public enum SyncCommand {
    /** {@code SYNC}: the legacy command; the reply carries no replication id or offset. */
    SYNC,
    /** {@code PSYNC ? -1}: forces a full resync and announces {@code +FULLRESYNC <replid> <offset>} first. */
    PSYNC
}
