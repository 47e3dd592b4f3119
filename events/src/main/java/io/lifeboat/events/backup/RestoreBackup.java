package io.lifeboat.events.backup;

import java.time.Instant;

import io.lifeboat.events.Engine;
import io.lifeboat.events.EngineCommand;
import io.lifeboat.events.Require;

/**
 * Asks the agent of {@code engine} to restore a backup, or the state at a point in time, into a destination.
 *
 * @param commandId idempotency key of this request; a redelivered command with the same id runs once
 * @param targetId id of the target whose backups are restored
 * @param engine engine of the target, which selects the agent
 * @param backupId backup to restore; when absent the agent picks the newest backup before pointInTime (optional)
 * @param pointInTime instant to recover to by replaying archived logs after the backup (optional)
 * @param destination reference to where the data goes: a secret reference naming a database instance, or a path
 * @param overwrite whether existing data at the destination may be replaced
 * @param requestedBy service, user or external system that asked for the restore
 * @param deadline instant after which the agent must not start the restore (optional)
 * @param attempt attempt number, starting at 1
 */
public record RestoreBackup(String commandId, String targetId, Engine engine, String backupId, Instant pointInTime,
        String destination, boolean overwrite, String requestedBy, Instant deadline, int attempt)
        implements
            EngineCommand {

    /**
     * Validates ids and requires a backup id or a point in time.
     */
    public RestoreBackup {
        Require.nonBlank(commandId, "RestoreBackup.commandId");
        Require.nonBlank(targetId, "RestoreBackup.targetId");
        Require.nonNull(engine, "RestoreBackup.engine");
        Require.nonBlank(destination, "RestoreBackup.destination");
        Require.nonBlank(requestedBy, "RestoreBackup.requestedBy");
        Require.positive(attempt, "RestoreBackup.attempt");
        if ((backupId == null || backupId.isBlank()) && pointInTime == null) {
            throw new IllegalArgumentException("RestoreBackup needs a backupId or a pointInTime");
        }
    }
}
