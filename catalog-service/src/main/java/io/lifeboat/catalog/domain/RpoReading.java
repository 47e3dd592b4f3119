package io.lifeboat.catalog.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * One RPO measurement of a target.
 *
 * @param lag time between now and the newest restorable point (or the start of protection when there is none)
 * @param rpo the target's recovery point objective
 * @param restorablePoint newest restorable instant, or null when nothing is restorable yet
 * @param measuredAt wall-clock instant of the measurement
 */
public record RpoReading(Duration lag, Duration rpo, Instant restorablePoint, Instant measuredAt) {

    /**
     * Tells whether the lag exceeds the RPO.
     *
     * @return true when in breach
     */
    public boolean exceeds() {
        return lag.compareTo(rpo) > 0;
    }
}
