package io.lifeboat.events.dr;

import java.time.Instant;

import io.lifeboat.events.Command;
import io.lifeboat.events.Require;

/**
 * Asks the DR orchestrator to run the failover runbook of a target, e.g. fence the primary and promote a standby.
 *
 * @param commandId idempotency key of this request; a redelivered command with the same id runs once
 * @param targetId id of the target to fail over
 * @param reason why the failover is wanted, e.g. the unhealthy probe or an operator's note
 * @param candidate standby instance to promote; when absent the orchestrator picks the fittest (optional)
 * @param requestedBy service, user or external system that asked for the failover; for manual mode, the approver
 * @param deadline instant after which the orchestrator must not start the failover (optional)
 * @param attempt attempt number, starting at 1
 */
public record StartFailover(String commandId, String targetId, String reason, String candidate, String requestedBy,
        Instant deadline, int attempt) implements Command {

    /**
     * Validates ids, reason and attempt.
     */
    public StartFailover {
        Require.nonBlank(commandId, "StartFailover.commandId");
        Require.nonBlank(targetId, "StartFailover.targetId");
        Require.nonBlank(reason, "StartFailover.reason");
        Require.nonBlank(requestedBy, "StartFailover.requestedBy");
        Require.positive(attempt, "StartFailover.attempt");
    }
}
