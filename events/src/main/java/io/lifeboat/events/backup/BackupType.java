package io.lifeboat.events.backup;

/**
 * How a backup copies its target; each agent documents which types its engine supports.
 */
public enum BackupType {
    /** A complete physical copy of the target, restorable on its own (pg_basebackup, a full file backup). */
    FULL,
    /** The changes since the previous backup of any type; restoring needs the whole chain back to a full. */
    INCREMENTAL,
    /** The changes since the last full backup; restoring needs that full backup and this one. */
    DIFFERENTIAL,
    /** An export of the data as records or statements (pg_dump, mongodump), portable across versions. */
    LOGICAL,
    /** A consistent point-in-time image produced by the engine itself (a Redis RDB file). */
    SNAPSHOT
}
