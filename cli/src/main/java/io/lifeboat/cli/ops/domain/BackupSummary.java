package io.lifeboat.cli.ops.domain;

import java.time.Instant;

/**
 * One catalog entry, reduced to what the {@code backups} verb shows and {@code backup --wait} follows.
 *
 * @param backupId id of the backup
 * @param type kind of backup, e.g. {@code FULL}
 * @param phase PENDING, RUNNING, COMPLETED, FAILED or EXPIRED
 * @param commandId id of the RunBackup that asked for it, or null
 * @param completedAt when it completed, or null
 * @param storedBytes size in the object store, or null while unknown
 * @param verifiedAt when it was last verified, or null
 * @param failureReason why it failed, or null
 */
public record BackupSummary(String backupId, String type, String phase, String commandId, Instant completedAt,
        Long storedBytes, Instant verifiedAt, String failureReason) {

    /** Whether the backup will not change phase any more on its own: completed, failed or expired. */
    public boolean finished() {
        return "COMPLETED".equals(phase) || "FAILED".equals(phase) || "EXPIRED".equals(phase);
    }
}
