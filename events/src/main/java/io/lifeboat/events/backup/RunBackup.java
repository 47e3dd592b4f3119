package io.lifeboat.events.backup;

import java.time.Instant;

import io.lifeboat.events.Engine;
import io.lifeboat.events.EngineCommand;
import io.lifeboat.events.Require;

/**
 * Asks the agent of {@code engine} to take one backup of a target.
 *
 * @param commandId idempotency key of this request; a redelivered command with the same id runs once
 * @param targetId id of the target to back up
 * @param engine engine of the target, which selects the agent
 * @param backupType kind of backup to take
 * @param requestedBy service, user or external system that asked for the backup
 * @param scheduledFor schedule slot this backup fills, set when a schedule triggered it (optional)
 * @param deadline instant after which the agent must not start the backup (optional)
 * @param attempt attempt number, starting at 1
 */
public record RunBackup(String commandId, String targetId, Engine engine, BackupType backupType, String requestedBy,
        Instant scheduledFor, Instant deadline, int attempt) implements EngineCommand {

    /**
     * Validates ids, engine, backup type and attempt.
     */
    public RunBackup {
        Require.nonBlank(commandId, "RunBackup.commandId");
        Require.nonBlank(targetId, "RunBackup.targetId");
        Require.nonNull(engine, "RunBackup.engine");
        Require.nonNull(backupType, "RunBackup.backupType");
        Require.nonBlank(requestedBy, "RunBackup.requestedBy");
        Require.positive(attempt, "RunBackup.attempt");
    }
}
