package io.lifeboat.scheduler.domain;

import java.time.Instant;

import io.lifeboat.events.backup.BackupType;

/**
 * A completed backup of a target, a candidate for scheduled verification while it is recent.
 *
 * @param backupId id of the backup
 * @param backupType kind of backup
 * @param completedAt instant it completed
 */
public record RecentBackup(String backupId, BackupType backupType, Instant completedAt) {
}
