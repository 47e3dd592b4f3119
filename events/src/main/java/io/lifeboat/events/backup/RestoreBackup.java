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
 * @param targetPosition log position to recover to, as the engine prints it (LSN {@code 0/3000060}) (optional)
 * @param targetTransaction transaction id to recover to (PostgreSQL xid) (optional)
 * @param targetName named restore point to recover to ({@code pg_create_restore_point}) (optional)
 * @param recoverToLatest whether to replay every archived log after the backup, to the newest archived point (optional)
 * @param targetInclusive whether the recovery target itself is included (time, position, transaction); default true (optional)
 * @param destination reference to where the data goes: a secret reference naming a database instance, or a path
 * @param overwrite whether existing data at the destination may be replaced
 * @param requestedBy service, user or external system that asked for the restore
 * @param deadline instant after which the agent must not start the restore (optional)
 * @param attempt attempt number, starting at 1
 */
public record RestoreBackup(String commandId, String targetId, Engine engine, String backupId, Instant pointInTime,
        String targetPosition, String targetTransaction, String targetName, Boolean recoverToLatest,
        Boolean targetInclusive, String destination, boolean overwrite, String requestedBy, Instant deadline,
        int attempt)
        implements
            EngineCommand {

    /**
     * Validates ids, requires a backup id or a recovery point, and allows at most one recovery point.
     */
    public RestoreBackup {
        Require.nonBlank(commandId, "RestoreBackup.commandId");
        Require.nonBlank(targetId, "RestoreBackup.targetId");
        Require.nonNull(engine, "RestoreBackup.engine");
        Require.nonBlank(destination, "RestoreBackup.destination");
        Require.nonBlank(requestedBy, "RestoreBackup.requestedBy");
        Require.positive(attempt, "RestoreBackup.attempt");
        int points = (pointInTime != null ? 1 : 0) + (targetPosition != null ? 1 : 0)
                + (targetTransaction != null ? 1 : 0) + (targetName != null ? 1 : 0)
                + (Boolean.TRUE.equals(recoverToLatest) ? 1 : 0);
        if (points > 1) {
            throw new IllegalArgumentException("RestoreBackup takes at most one of pointInTime, targetPosition, "
                    + "targetTransaction, targetName and recoverToLatest");
        }
        if ((backupId == null || backupId.isBlank()) && points == 0) {
            throw new IllegalArgumentException(
                    "RestoreBackup needs a backupId or a recovery point (pointInTime, targetPosition, "
                            + "targetTransaction, targetName or recoverToLatest)");
        }
    }

    /** Whether the command asks for log replay past the backup's own consistent point. */
    public boolean replaysLog() {
        return pointInTime != null || targetPosition != null || targetTransaction != null || targetName != null
                || Boolean.TRUE.equals(recoverToLatest);
    }
}
