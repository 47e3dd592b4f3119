package io.lifeboat.events.backup;

import java.time.Instant;
import java.util.List;

import io.lifeboat.events.Engine;
import io.lifeboat.events.LifeboatMessage;
import io.lifeboat.events.Require;

/**
 * A backup's manifest and every part are stored and their checksums verified: the backup is restorable.
 *
 * @param backupId id of the completed backup
 * @param targetId id of the target that was backed up
 * @param engine engine of the target
 * @param backupType kind of backup that was taken
 * @param commandId id of the {@link RunBackup} that asked for this backup
 * @param baseBackupId backup this one builds on, set for incremental and differential backups (optional)
 * @param startedAt instant the agent started reading the target
 * @param completedAt instant the last part and the manifest were stored
 * @param consistentAt instant the backup's data is consistent to; a restore of this backup alone reaches it
 * @param startPosition log position (LSN or oplog timestamp) at which the backup started (optional)
 * @param endPosition log position (LSN or oplog timestamp) from which log replay continues (optional)
 * @param rawBytes size of the data read from the target, before compression and encryption
 * @param storedBytes size of the artifact in the object store
 * @param sha256 hex SHA-256 of the whole artifact as listed in the manifest
 * @param location bucket and prefix holding the manifest and the parts
 * @param storageClass object-store storage class the artifact was written with, e.g. {@code STANDARD}
 * @param problems what the backup left out and why (a file that vanished or changed while it was read); a backup
 *        with problems is partially failed: it restores, without or with a torn copy of what is listed (optional)
 */
public record BackupCompleted(String backupId, String targetId, Engine engine, BackupType backupType,
        String commandId, String baseBackupId, Instant startedAt, Instant completedAt, Instant consistentAt,
        String startPosition, String endPosition, long rawBytes, long storedBytes, String sha256,
        StorageLocation location, String storageClass, List<String> problems) implements LifeboatMessage {

    /**
     * Validates ids, times, sizes, checksum and location.
     */
    public BackupCompleted {
        Require.nonBlank(backupId, "BackupCompleted.backupId");
        Require.nonBlank(targetId, "BackupCompleted.targetId");
        Require.nonNull(engine, "BackupCompleted.engine");
        Require.nonNull(backupType, "BackupCompleted.backupType");
        Require.nonBlank(commandId, "BackupCompleted.commandId");
        Require.nonNull(startedAt, "BackupCompleted.startedAt");
        Require.nonNull(completedAt, "BackupCompleted.completedAt");
        Require.nonNull(consistentAt, "BackupCompleted.consistentAt");
        Require.nonNegative(rawBytes, "BackupCompleted.rawBytes");
        Require.nonNegative(storedBytes, "BackupCompleted.storedBytes");
        Require.nonBlank(sha256, "BackupCompleted.sha256");
        Require.nonNull(location, "BackupCompleted.location");
        Require.nonBlank(storageClass, "BackupCompleted.storageClass");
        problems = problems == null || problems.isEmpty() ? null : List.copyOf(problems);
    }

    /** Whether the backup left something out: it completed, but partially failed. */
    public boolean partiallyFailed() {
        return problems != null;
    }
}
