package io.lifeboat.dr.domain;

/**
 * Whether a requested run starts: the new (or already running, for a redelivered request) state, or a refusal.
 *
 * @param state the run to persist and execute; null when refused
 * @param refusal why the run was refused, naming the target and the rule; null when it starts
 */
public record StartDecision(RunState state, String refusal) {

    /**
     * Creates a decision to start.
     *
     * @param state the run
     * @return the decision
     */
    public static StartDecision started(RunState state) {
        return new StartDecision(state, null);
    }

    /**
     * Creates a refusal.
     *
     * @param refusal why, naming the target and the rule
     * @return the decision
     */
    public static StartDecision refused(String refusal) {
        return new StartDecision(null, refusal);
    }

    /**
     * Tells whether the run starts.
     *
     * @return true unless refused
     */
    public boolean started() {
        return state != null;
    }
}
