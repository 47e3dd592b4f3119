package io.lifeboat.dr.domain;

/**
 * What the executor of a run must do next.
 *
 * @param action execute a step, wait for an approval, or nothing because the run is finished
 * @param step the step to execute or to approve; null when finished
 * @param index zero-based position of the step; -1 when finished
 * @param attempt the attempt about to start when executing; 0 otherwise
 * @param epoch the fencing epoch to stamp on the step's report
 * @param reason why, in words
 */
public record NextStep(Action action, StepDefinition step, int index, int attempt, long epoch, String reason) {

    /**
     * What to do next.
     */
    public enum Action {
        /** Mark the step started, persist, then execute it. */
        EXECUTE,
        /** Do nothing until a person approves the step. */
        AWAIT_APPROVAL,
        /** The run is finished: completed, failed or cancelled. */
        DONE
    }
}
