package io.lifeboat.events.backup;

import java.time.Instant;

import io.lifeboat.events.Engine;
import io.lifeboat.events.LifeboatMessage;
import io.lifeboat.events.Require;

/**
 * An agent started a backup asked for by a {@link RunBackup}.
 *
 * @param backupId id the agent gave the new backup, unique across all targets
 * @param targetId id of the target being backed up
 * @param engine engine of the target
 * @param backupType kind of backup being taken
 * @param commandId id of the {@link RunBackup} that asked for this backup
 * @param baseBackupId backup this one builds on, set for incremental and differential backups (optional)
 * @param startedAt instant the agent started reading the target
 */
public record BackupStarted(String backupId, String targetId, Engine engine, BackupType backupType, String commandId,
        String baseBackupId, Instant startedAt) implements LifeboatMessage {

    /**
     * Validates ids, engine, type and start time.
     */
    public BackupStarted {
        Require.nonBlank(backupId, "BackupStarted.backupId");
        Require.nonBlank(targetId, "BackupStarted.targetId");
        Require.nonNull(engine, "BackupStarted.engine");
        Require.nonNull(backupType, "BackupStarted.backupType");
        Require.nonBlank(commandId, "BackupStarted.commandId");
        Require.nonNull(startedAt, "BackupStarted.startedAt");
    }
}
