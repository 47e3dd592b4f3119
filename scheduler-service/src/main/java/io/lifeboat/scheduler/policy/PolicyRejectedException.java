package io.lifeboat.scheduler.policy;

/** Placeholder. */
public class PolicyRejectedException extends IllegalArgumentException {
    /** Placeholder. */
    public PolicyRejectedException(String m) {
        super(m);
    }
}
