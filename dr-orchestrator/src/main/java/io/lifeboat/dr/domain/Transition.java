package io.lifeboat.dr.domain;

/**
 * The result of applying an event to a run: the new state, or the unchanged state and why the event was rejected.
 *
 * @param state the state to persist (unchanged when rejected)
 * @param applied whether the event changed the run
 * @param rejection why the event was rejected, naming the run, the step and the cause; null when applied
 */
public record Transition(RunState state, boolean applied, String rejection) {

    /**
     * Creates an applied transition.
     *
     * @param state the new state
     * @return the transition
     */
    public static Transition applied(RunState state) {
        return new Transition(state, true, null);
    }

    /**
     * Creates a rejection.
     *
     * @param state the unchanged state
     * @param rejection why
     * @return the transition
     */
    public static Transition rejected(RunState state, String rejection) {
        return new Transition(state, false, rejection);
    }
}
