package io.lifeboat.events.dr;

import java.time.Instant;

import io.lifeboat.events.LifeboatMessage;
import io.lifeboat.events.Require;

/**
 * A DR run waits for a person: the step named must be approved with {@link ApproveRun} before it runs.
 *
 * @param runId id of the run
 * @param targetId id of the target
 * @param runbookId id of the runbook
 * @param stepId id of the step waiting for approval
 * @param description what the step will do, in words
 * @param reason why the run was started
 * @param requestedAt instant the run started waiting
 */
public record ApprovalRequested(String runId, String targetId, String runbookId, String stepId, String description,
        String reason, Instant requestedAt) implements LifeboatMessage {

    /**
     * Validates ids and time.
     */
    public ApprovalRequested {
        Require.nonBlank(runId, "ApprovalRequested.runId");
        Require.nonBlank(targetId, "ApprovalRequested.targetId");
        Require.nonBlank(runbookId, "ApprovalRequested.runbookId");
        Require.nonBlank(stepId, "ApprovalRequested.stepId");
        Require.nonBlank(description, "ApprovalRequested.description");
        Require.nonBlank(reason, "ApprovalRequested.reason");
        Require.nonNull(requestedAt, "ApprovalRequested.requestedAt");
    }
}
