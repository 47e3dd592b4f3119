package io.lifeboat.dr.domain;

import java.time.Instant;

/**
 * One step of a run with where it stands.
 *
 * @param definition the step as the runbook defined it when the run started
 * @param status where the step stands
 * @param attempts how many times the step was started
 * @param note last error, or why the step was skipped; null when there is none
 * @param startedAt when the last attempt started; null before the first
 * @param finishedAt when the step was done, skipped or failed for good; null before
 */
public record StepState(StepDefinition definition, StepStatus status, int attempts, String note, Instant startedAt,
        Instant finishedAt) {

    /**
     * Creates a step not yet started.
     *
     * @param definition the step
     * @return the step, PENDING with no attempts
     */
    public static StepState pending(StepDefinition definition) {
        return new StepState(definition, StepStatus.PENDING, 0, null, null, null);
    }

    /**
     * Returns the id of the step.
     *
     * @return the definition's id
     */
    public String id() {
        return definition.id();
    }

    /**
     * Returns this step with another status, note and finishing time.
     *
     * @param newStatus the new status
     * @param newNote the note, or null
     * @param at when the step finished; null when it is not finished
     * @return the changed copy
     */
    public StepState with(StepStatus newStatus, String newNote, Instant at) {
        return new StepState(definition, newStatus, attempts, newNote, startedAt, at);
    }

    /**
     * Returns this step started once more.
     *
     * @param at instant of the start
     * @return the copy, RUNNING with one more attempt
     */
    public StepState startedAgain(Instant at) {
        return new StepState(definition, StepStatus.RUNNING, attempts + 1, note, at, null);
    }
}
