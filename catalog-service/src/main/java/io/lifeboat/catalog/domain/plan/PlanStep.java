package io.lifeboat.catalog.domain.plan;

import java.time.Duration;
import java.time.Instant;

import io.lifeboat.events.backup.BackupType;

/**
 * One backup a restore downloads and applies, in chain order.
 *
 * @param backupId id of the backup
 * @param type kind of backup
 * @param consistentAt instant the backup is consistent to
 * @param storageClass storage class counted for retrieval: the colder of the class written and the class due
 * @param retrievalDelay time before the artifact can be read from that class
 * @param bytes bytes the restore transfers: the raw size, else the stored size, else 0
 */
public record PlanStep(String backupId, BackupType type, Instant consistentAt, String storageClass,
        Duration retrievalDelay, long bytes) {
}
