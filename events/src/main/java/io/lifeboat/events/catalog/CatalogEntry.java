package io.lifeboat.events.catalog;

import java.time.Instant;
import java.util.List;

import io.lifeboat.events.Engine;
import io.lifeboat.events.LifeboatMessage;
import io.lifeboat.events.Require;
import io.lifeboat.events.backup.BackupPhase;
import io.lifeboat.events.backup.BackupType;
import io.lifeboat.events.backup.StorageLocation;

/**
 * The catalog's current view of one backup, keyed by backup id on a compacted topic.
 *
 * @param backupId id of the backup; also the Kafka key
 * @param targetId id of the target the backup belongs to
 * @param engine engine of the target
 * @param backupType kind of backup
 * @param phase where the backup is in its lifecycle
 * @param baseBackupId backup this one builds on, for incremental and differential backups (optional)
 * @param startedAt instant the agent started the backup (optional)
 * @param completedAt instant the backup completed (optional)
 * @param consistentAt instant a restore of this backup alone reaches (optional)
 * @param endPosition log position from which log replay continues (optional)
 * @param rawBytes size of the data read from the target (optional)
 * @param storedBytes size of the artifact in the object store (optional)
 * @param sha256 hex SHA-256 of the whole artifact (optional)
 * @param location bucket and prefix holding the artifact (optional)
 * @param storageClass object-store storage class the artifact is in now (optional)
 * @param retentionTags retention buckets that keep this backup alive; empty for backups due to expire
 * @param verifiedAt instant of the last successful verification (optional)
 * @param updatedAt instant the catalog last changed this entry
 * @param startPosition log position at which the backup started; log replay of a restore needs archived log from
 *        here, so retention keeps it (optional)
 * @param commandId id of the {@code RunBackup} that asked for the backup (optional)
 * @param problems what a partially failed backup left out and why (optional)
 * @param storageTier storage tier the backup's age puts it in under the target's policy, e.g. {@code cold} (optional)
 * @param dueStorageClass storage class of that tier; a restore plan counts its retrieval delay (optional)
 * @param failureReason why the backup failed, for a failed backup (optional)
 * @param verificationFailure why the last verification failed, when it failed after the last success (optional)
 * @param verificationFailedAt instant of that failed verification (optional)
 * @param expireRequestedAt instant the catalog asked the agent to delete the artifact (optional)
 * @param expiryReason retention rule that expired the backup, answering "why was this deleted?" (optional)
 * @param expiredAt instant the agent reported the artifact deleted (optional)
 */
public record CatalogEntry(String backupId, String targetId, Engine engine, BackupType backupType, BackupPhase phase,
        String baseBackupId, Instant startedAt, Instant completedAt, Instant consistentAt, String endPosition,
        Long rawBytes, Long storedBytes, String sha256, StorageLocation location, String storageClass,
        List<RetentionTag> retentionTags, Instant verifiedAt, Instant updatedAt, String startPosition,
        String commandId, List<String> problems, String storageTier, String dueStorageClass, String failureReason,
        String verificationFailure, Instant verificationFailedAt, Instant expireRequestedAt, String expiryReason,
        Instant expiredAt)
        implements
            LifeboatMessage {

    /**
     * Validates ids, engine, type, phase and update time.
     */
    public CatalogEntry {
        Require.nonBlank(backupId, "CatalogEntry.backupId");
        Require.nonBlank(targetId, "CatalogEntry.targetId");
        Require.nonNull(engine, "CatalogEntry.engine");
        Require.nonNull(backupType, "CatalogEntry.backupType");
        Require.nonNull(phase, "CatalogEntry.phase");
        retentionTags = Require.listOf(retentionTags);
        Require.nonNull(updatedAt, "CatalogEntry.updatedAt");
        problems = problems == null ? null : List.copyOf(problems);
    }

    /**
     * Keys catalog entries by backup: each backup is its own aggregate on the catalog topic.
     *
     * @return the backup id
     */
    @Override
    public String key() {
        return backupId;
    }
}
