package io.lifeboat.events.dr;

import java.time.Instant;

import io.lifeboat.events.LifeboatMessage;
import io.lifeboat.events.Require;

/**
 * A failover runbook stopped at a step; operators must act, guided by whether the old primary is fenced.
 *
 * @param failoverId id of this failover run
 * @param runbookId id of the runbook that was executed
 * @param targetId id of the target that was being failed over
 * @param commandId id of the {@link StartFailover} that asked for it; absent for an automatic failover (optional)
 * @param failedStep name of the step that failed
 * @param stepIndex zero-based position of the failed step in the runbook
 * @param reason human-readable cause, naming the instance and the error
 * @param primaryFenced whether the old primary was fenced before the failure
 * @param failedAt instant the runbook stopped
 */
public record FailoverFailed(String failoverId, String runbookId, String targetId, String commandId,
        String failedStep, int stepIndex, String reason, boolean primaryFenced, Instant failedAt)
        implements
            LifeboatMessage {

    /**
     * Validates ids, step, reason and time.
     */
    public FailoverFailed {
        Require.nonBlank(failoverId, "FailoverFailed.failoverId");
        Require.nonBlank(runbookId, "FailoverFailed.runbookId");
        Require.nonBlank(targetId, "FailoverFailed.targetId");
        Require.nonBlank(failedStep, "FailoverFailed.failedStep");
        Require.nonNegative(stepIndex, "FailoverFailed.stepIndex");
        Require.nonBlank(reason, "FailoverFailed.reason");
        Require.nonNull(failedAt, "FailoverFailed.failedAt");
    }
}
