package io.lifeboat.events.dr;

import java.time.Duration;
import java.time.Instant;

import io.lifeboat.events.LifeboatMessage;
import io.lifeboat.events.Require;

/**
 * One step of a failover runbook finished; a restarted orchestrator resumes after the last completed step.
 *
 * @param failoverId id of this failover run
 * @param runbookId id of the runbook being executed, e.g. {@code postgres-promote-standby}
 * @param targetId id of the target being failed over
 * @param stepName name of the completed step, e.g. {@code fence-primary}
 * @param stepIndex zero-based position of the step in the runbook
 * @param stepCount number of steps in the runbook
 * @param elapsed time since the failover started
 * @param completedAt instant the step finished
 */
public record FailoverStepCompleted(String failoverId, String runbookId, String targetId, String stepName,
        int stepIndex, int stepCount, Duration elapsed, Instant completedAt) implements LifeboatMessage {

    /**
     * Validates ids, step position, elapsed time and completion time.
     */
    public FailoverStepCompleted {
        Require.nonBlank(failoverId, "FailoverStepCompleted.failoverId");
        Require.nonBlank(runbookId, "FailoverStepCompleted.runbookId");
        Require.nonBlank(targetId, "FailoverStepCompleted.targetId");
        Require.nonBlank(stepName, "FailoverStepCompleted.stepName");
        Require.nonNegative(stepIndex, "FailoverStepCompleted.stepIndex");
        if (stepIndex >= stepCount) {
            throw new IllegalArgumentException(
                    "FailoverStepCompleted.stepIndex " + stepIndex + " is outside a runbook of " + stepCount
                            + " steps");
        }
        Require.nonNull(elapsed, "FailoverStepCompleted.elapsed");
        Require.nonNull(completedAt, "FailoverStepCompleted.completedAt");
    }
}
