package io.lifeboat.events.dr;

import java.time.Instant;

import io.lifeboat.events.Command;
import io.lifeboat.events.Require;

/**
 * Asks the DR orchestrator to restore a target into a new instance after corruption, data loss or to a point in
 * time, verify it and report; switching clients to it is a separate step that waits for an {@link ApproveRun}, and
 * the damaged instance is left untouched for forensics.
 *
 * @param commandId idempotency key of this request; a redelivered command with the same id runs once
 * @param targetId id of the target to restore; for COMPLETE_FAILURE the id of the recovery group
 * @param scenario why: CORRUPTION, DATA_LOSS, POINT_IN_TIME or COMPLETE_FAILURE
 * @param pointInTime for POINT_IN_TIME the instant to recover to; for DATA_LOSS the instant of the loss (recovery
 *        stops just before it); for CORRUPTION the instant the corruption was detected (the backup must be older);
 *        required for POINT_IN_TIME and DATA_LOSS; for CORRUPTION it defaults to the request's time; unused for
 *        COMPLETE_FAILURE (optional)
 * @param backupId backup to restore from; when absent the orchestrator chooses it from the catalog (optional)
 * @param destination where the new instance goes, as the agent takes it (for PostgreSQL a new data directory with
 *        {@code port}); when absent the target's configured restore destination is used (optional)
 * @param dryRun whether the run only reports the steps it would take
 * @param requestedBy user or external system that asked for the restore
 * @param reason why, in words, for the audit trail (optional)
 * @param deadline instant after which the orchestrator must not start the restore (optional)
 * @param attempt attempt number, starting at 1
 */
public record StartRestore(String commandId, String targetId, RestoreScenario scenario, Instant pointInTime,
        String backupId, String destination, boolean dryRun, String requestedBy, String reason, Instant deadline,
        int attempt) implements Command {

    /**
     * Validates ids and attempt, and requires a point in time where the scenario needs one.
     */
    public StartRestore {
        Require.nonBlank(commandId, "StartRestore.commandId");
        Require.nonBlank(targetId, "StartRestore.targetId");
        Require.nonNull(scenario, "StartRestore.scenario");
        Require.nonBlank(requestedBy, "StartRestore.requestedBy");
        Require.positive(attempt, "StartRestore.attempt");
        if (pointInTime == null
                && (scenario == RestoreScenario.POINT_IN_TIME || scenario == RestoreScenario.DATA_LOSS)) {
            throw new IllegalArgumentException("StartRestore.pointInTime is required for " + scenario
                    + ": the instant to recover to (POINT_IN_TIME) or of the loss (DATA_LOSS)");
        }
    }
}
