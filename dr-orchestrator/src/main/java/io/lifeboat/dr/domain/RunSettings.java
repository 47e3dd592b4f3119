package io.lifeboat.dr.domain;

import java.time.Duration;

/**
 * The orchestrator's limits on runs.
 *
 * @param holdDown how long after a failover of a target another failover of it is refused
 * @param maxAttempts how many times a step is started before a retryable error fails the run
 */
public record RunSettings(Duration holdDown, int maxAttempts) {

    /** Default hold-down after a failover: 30 minutes. */
    public static final Duration DEFAULT_HOLD_DOWN = Duration.ofMinutes(30);
    /** Default attempts per step: 3. */
    public static final int DEFAULT_MAX_ATTEMPTS = 3;

    /**
     * Validates the limits.
     */
    public RunSettings {
        if (holdDown == null || holdDown.isNegative()) {
            throw new IllegalArgumentException("RunSettings.holdDown must be zero or positive, was " + holdDown);
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("RunSettings.maxAttempts must be at least 1, was " + maxAttempts);
        }
    }

    /**
     * Returns the defaults: 30 minutes of hold-down, 3 attempts per step.
     *
     * @return the default settings
     */
    public static RunSettings defaults() {
        return new RunSettings(DEFAULT_HOLD_DOWN, DEFAULT_MAX_ATTEMPTS);
    }
}
