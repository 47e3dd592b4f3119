package io.lifeboat.events.backup;

import java.time.Instant;

import io.lifeboat.events.Engine;
import io.lifeboat.events.EngineCommand;
import io.lifeboat.events.Require;

/**
 * Asks the agent of {@code engine} to re-read a stored artifact and check it against its manifest checksums.
 *
 * @param commandId idempotency key of this request; a redelivered command with the same id runs once
 * @param targetId id of the target the backup belongs to
 * @param engine engine of the target, which selects the agent
 * @param backupId backup whose artifact is verified
 * @param requestedBy service, user or external system that asked for the verification
 * @param deadline instant after which the agent must not start the verification (optional)
 * @param attempt attempt number, starting at 1
 */
public record VerifyBackup(String commandId, String targetId, Engine engine, String backupId, String requestedBy,
        Instant deadline, int attempt) implements EngineCommand {

    /**
     * Validates ids, engine and attempt.
     */
    public VerifyBackup {
        Require.nonBlank(commandId, "VerifyBackup.commandId");
        Require.nonBlank(targetId, "VerifyBackup.targetId");
        Require.nonNull(engine, "VerifyBackup.engine");
        Require.nonBlank(backupId, "VerifyBackup.backupId");
        Require.nonBlank(requestedBy, "VerifyBackup.requestedBy");
        Require.positive(attempt, "VerifyBackup.attempt");
    }
}
