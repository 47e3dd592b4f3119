package io.lifeboat.events.dr;

import java.time.Instant;

import io.lifeboat.events.Require;

/**
 * One step of a DR run as recorded: where the runbook stands.
 *
 * @param id stable id of the step within its runbook, e.g. {@code fence-primary}
 * @param description what the step does, in words
 * @param needsApproval whether a person must approve the step before it runs
 * @param status PENDING, RUNNING, DONE, FAILED or SKIPPED
 * @param attempts how many times the step was started
 * @param note what the last attempt found or did (optional)
 * @param startedAt instant the last attempt started (optional)
 * @param finishedAt instant the step finished (optional)
 */
public record DrRunStep(String id, String description, boolean needsApproval, String status, int attempts,
        String note, Instant startedAt, Instant finishedAt) {

    /**
     * Validates id and status.
     */
    public DrRunStep {
        Require.nonBlank(id, "DrRunStep.id");
        Require.nonBlank(status, "DrRunStep.status");
        Require.nonNegative(attempts, "DrRunStep.attempts");
    }
}
