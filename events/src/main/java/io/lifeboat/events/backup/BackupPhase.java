package io.lifeboat.events.backup;

/**
 * The lifecycle of one backup as the catalog records it.
 */
public enum BackupPhase {
    /** Requested by a command but not yet started by the agent. */
    PENDING,
    /** The agent is streaming the artifact to the object store. */
    RUNNING,
    /** The manifest and every part are stored and their checksums verified; the backup is restorable. */
    COMPLETED,
    /** The agent gave up; nothing of this backup may be used for a restore. */
    FAILED,
    /** Retention removed the artifact; the catalog keeps the record for audit only. */
    EXPIRED
}
