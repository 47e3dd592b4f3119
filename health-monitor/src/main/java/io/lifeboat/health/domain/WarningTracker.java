package io.lifeboat.health.domain;

import java.util.Optional;

/**
 * The warning of one resource of one target member (disk of a path, memory of a host), with hysteresis: raised above
 * the threshold, cleared only once usage falls under the threshold by a margin, so usage hovering around the
 * threshold does not flap.
 */
public final class WarningTracker {

    /** How far under the threshold usage must fall before a raised warning clears. */
    public static final double CLEAR_MARGIN = 0.05;

    private final double threshold;
    private boolean raised;

    /**
     * Starts a tracker with no warning raised.
     *
     * @param threshold fraction in use above which the warning is raised, in (0, 1]
     */
    public WarningTracker(double threshold) {
        if (!(threshold > 0 && threshold <= 1)) {
            throw new IllegalArgumentException("warning threshold must be in (0, 1], was " + threshold);
        }
        this.threshold = threshold;
    }

    /**
     * Folds one measurement into the warning.
     *
     * @param used fraction in use, 0 to 1
     * @return the change, present only when the warning was raised or cleared by this measurement
     */
    public Optional<WarningChange> observe(double used) {
        if (!raised && used > threshold) {
            raised = true;
            return Optional.of(WarningChange.RAISED);
        }
        if (raised && used < threshold - CLEAR_MARGIN) {
            raised = false;
            return Optional.of(WarningChange.CLEARED);
        }
        return Optional.empty();
    }

    /**
     * Returns the threshold.
     *
     * @return fraction above which the warning is raised
     */
    public double threshold() {
        return threshold;
    }

    /**
     * Tells whether the warning is raised.
     *
     * @return true between a raise and its clearing
     */
    public boolean raised() {
        return raised;
    }
}
