package io.lifeboat.events.dr;

import java.time.Instant;

import io.lifeboat.events.Command;
import io.lifeboat.events.Require;

/**
 * Asks the DR orchestrator to restore a backup of a target into a scratch instance, check it and time it.
 *
 * @param commandId idempotency key of this request; a redelivered command with the same id runs once
 * @param targetId id of the target whose recovery is rehearsed
 * @param backupId backup to restore; when absent the newest completed backup is used (optional)
 * @param pointInTime instant to recover to by log replay, to rehearse a point-in-time restore (optional)
 * @param requestedBy service, user or external system that asked for the drill
 * @param deadline instant after which the orchestrator must not start the drill (optional)
 * @param attempt attempt number, starting at 1
 */
public record StartDrill(String commandId, String targetId, String backupId, Instant pointInTime, String requestedBy,
        Instant deadline, int attempt) implements Command {

    /**
     * Validates ids and attempt.
     */
    public StartDrill {
        Require.nonBlank(commandId, "StartDrill.commandId");
        Require.nonBlank(targetId, "StartDrill.targetId");
        Require.nonBlank(requestedBy, "StartDrill.requestedBy");
        Require.positive(attempt, "StartDrill.attempt");
    }
}
