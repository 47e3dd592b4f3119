package io.lifeboat.events.dr;

import java.time.Instant;

import io.lifeboat.events.Command;
import io.lifeboat.events.Require;

/**
 * A person approves (or rejects) the step a DR run waits for; {@code requestedBy} is the approver recorded in the
 * run's approval chain.
 *
 * @param commandId idempotency key of this approval
 * @param targetId id of the target
 * @param runId id of the run
 * @param stepId id of the step approved
 * @param approved true to let the step run, false to cancel the run
 * @param reason the approver's note (optional)
 * @param requestedBy id of the approver
 * @param deadline instant after which the approval no longer counts (optional)
 * @param attempt attempt number, starting at 1
 */
public record ApproveRun(String commandId, String targetId, String runId, String stepId, boolean approved,
        String reason, String requestedBy, Instant deadline, int attempt) implements Command {

    /**
     * Validates ids and attempt.
     */
    public ApproveRun {
        Require.nonBlank(commandId, "ApproveRun.commandId");
        Require.nonBlank(targetId, "ApproveRun.targetId");
        Require.nonBlank(runId, "ApproveRun.runId");
        Require.nonBlank(stepId, "ApproveRun.stepId");
        Require.nonBlank(requestedBy, "ApproveRun.requestedBy");
        Require.positive(attempt, "ApproveRun.attempt");
    }
}
