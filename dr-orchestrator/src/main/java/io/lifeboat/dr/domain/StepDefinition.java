package io.lifeboat.dr.domain;

import io.lifeboat.events.Require;

/**
 * One step of a runbook: a stable id the executor dispatches on, what it does, and whether a person must approve it
 * first.
 *
 * @param id stable id of the step, e.g. {@code fence-primary}
 * @param description what the step does and why, for operators and the audit trail
 * @param needsApproval whether the step waits for an approval whatever the run's mode
 */
public record StepDefinition(String id, String description, boolean needsApproval) {

    /**
     * Validates id and description.
     */
    public StepDefinition {
        Require.nonBlank(id, "StepDefinition.id");
        Require.nonBlank(description, "StepDefinition.description");
    }

    /**
     * Creates a step that needs no approval of its own.
     *
     * @param id stable id of the step
     * @param description what the step does
     * @return the step
     */
    public static StepDefinition automatic(String id, String description) {
        return new StepDefinition(id, description, false);
    }
}
