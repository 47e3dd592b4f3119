package io.lifeboat.dr.service;

import java.util.List;

import io.lifeboat.events.LifeboatMessage;

/**
 * What executing one step came to: done, skipped, failed or still waiting, the note for the run state, and the facts to publish
 * in the same transaction as the step's record.
 *
 * @param result how the step ended
 * @param detail the step's note: what was done or why it failed
 * @param retryable for a failure, whether another attempt may succeed
 * @param facts events the step causes, e.g. FailoverCompleted
 */
public record StepOutcome(Result result, String detail, boolean retryable, List<LifeboatMessage> facts) {

    /** How a step ended. */
    public enum Result {
        /** The step did its work. */
        DONE,
        /** The step was deliberately not executed here. */
        SKIPPED,
        /** The step could not do its work. */
        FAILED,
        /** The step waits for another system, e.g. an agent's restore; it stays RUNNING and is asked again. */
        WAITING
    }

    /**
     * Copies the facts.
     */
    public StepOutcome {
        facts = List.copyOf(facts);
    }

    /**
     * A step that did its work.
     *
     * @param detail what it did
     * @param facts what it causes
     * @return the outcome
     */
    public static StepOutcome done(String detail, LifeboatMessage... facts) {
        return new StepOutcome(Result.DONE, detail, false, List.of(facts));
    }

    /**
     * A step left to another system.
     *
     * @param detail why
     * @return the outcome
     */
    public static StepOutcome skipped(String detail) {
        return new StepOutcome(Result.SKIPPED, detail, false, List.of());
    }

    /**
     * A step still waiting for another system; nothing is recorded until it ends.
     *
     * @param detail what it waits for
     * @return the outcome
     */
    public static StepOutcome waiting(String detail) {
        return new StepOutcome(Result.WAITING, detail, false, List.of());
    }

    /**
     * A step that could not do its work.
     *
     * @param detail why
     * @param retryable whether another attempt may succeed
     * @return the outcome
     */
    public static StepOutcome failed(String detail, boolean retryable) {
        return new StepOutcome(Result.FAILED, detail, retryable, List.of());
    }
}
