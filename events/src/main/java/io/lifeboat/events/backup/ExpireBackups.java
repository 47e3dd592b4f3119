package io.lifeboat.events.backup;

import java.time.Instant;
import java.util.List;

import io.lifeboat.events.Engine;
import io.lifeboat.events.EngineCommand;
import io.lifeboat.events.Require;

/**
 * The catalog's retention decision: asks the agent of {@code engine} to delete the artifacts of some backups.
 *
 * @param commandId idempotency key of this request; a redelivered command with the same id runs once
 * @param targetId id of the target the backups belong to
 * @param engine engine of the target, which selects the agent
 * @param backupIds backups whose artifacts are deleted, at least one
 * @param reason retention rule that expired them, e.g. {@code daily: keep 30}
 * @param requestedBy service that decided the expiry, normally catalog-service
 * @param deadline instant after which the agent must not start deleting (optional)
 * @param attempt attempt number, starting at 1
 * @param keepLogFrom oldest log position (LSN, oplog timestamp) a backup the catalog keeps still needs: archived WAL or
 *        oplog entirely before it may be reclaimed; absent when the target archives no log (optional)
 */
public record ExpireBackups(String commandId, String targetId, Engine engine, List<String> backupIds, String reason,
        String requestedBy, Instant deadline, int attempt, String keepLogFrom) implements EngineCommand {

    /**
     * Validates ids and requires at least one backup id.
     */
    public ExpireBackups {
        Require.nonBlank(commandId, "ExpireBackups.commandId");
        Require.nonBlank(targetId, "ExpireBackups.targetId");
        Require.nonNull(engine, "ExpireBackups.engine");
        backupIds = Require.listOf(backupIds);
        if (backupIds.isEmpty()) {
            throw new IllegalArgumentException("ExpireBackups.backupIds must not be empty");
        }
        backupIds.forEach(id -> Require.nonBlank(id, "ExpireBackups.backupIds[]"));
        Require.nonBlank(reason, "ExpireBackups.reason");
        Require.nonBlank(requestedBy, "ExpireBackups.requestedBy");
        Require.positive(attempt, "ExpireBackups.attempt");
    }

    /**
     * Creates a command that leaves the target's log archive alone.
     *
     * @param commandId idempotency key of this request
     * @param targetId id of the target the backups belong to
     * @param engine engine of the target
     * @param backupIds backups whose artifacts are deleted, at least one
     * @param reason retention rule that expired them
     * @param requestedBy service that decided the expiry
     * @param deadline instant after which the agent must not start deleting (optional)
     * @param attempt attempt number, starting at 1
     */
    public ExpireBackups(String commandId, String targetId, Engine engine, List<String> backupIds, String reason,
            String requestedBy, Instant deadline, int attempt) {
        this(commandId, targetId, engine, backupIds, reason, requestedBy, deadline, attempt, null);
    }
}
