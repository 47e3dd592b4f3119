package io.lifeboat.health.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * A change of a target's health that is worth telling others: an outage began or ended.
 */
public sealed interface HealthTransition {

    /**
     * Enough rounds failed in a row to count as an outage.
     *
     * @param probe name of the failing probe
     * @param instance what the failing probe reaches (optional)
     * @param error why it failed
     * @param consecutiveFailures failed rounds in a row
     * @param firstFailureAt start of the first failed round of the run
     * @param detectedAt instant of the deciding round
     */
    record BecameUnhealthy(String probe, String instance, String error, int consecutiveFailures,
            Instant firstFailureAt, Instant detectedAt) implements HealthTransition {
    }

    /**
     * Enough rounds passed in a row to end an outage.
     *
     * @param probe name of the probe that passes again
     * @param instance what that probe reaches (optional)
     * @param consecutiveSuccesses passed rounds in a row
     * @param downtime from the first failed round to the recovery
     * @param recoveredAt instant of the deciding round
     */
    record Recovered(String probe, String instance, int consecutiveSuccesses, Duration downtime,
            Instant recoveredAt) implements HealthTransition {
    }
}
