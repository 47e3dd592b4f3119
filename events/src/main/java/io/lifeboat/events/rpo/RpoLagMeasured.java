package io.lifeboat.events.rpo;

import java.time.Duration;
import java.time.Instant;

import io.lifeboat.events.LifeboatMessage;
import io.lifeboat.events.Require;

/**
 * The catalog measured how much data a target would lose if it failed now; the latest value per target is kept.
 *
 * @param targetId id of the measured target
 * @param lag time between now and the newest restorable point, or since protection began when there is none
 * @param rpo recovery point objective of the target's policy
 * @param breached whether the lag exceeds the RPO
 * @param restorablePoint newest instant the target can be restored to (optional)
 * @param measuredAt wall-clock instant of the measurement
 */
public record RpoLagMeasured(String targetId, Duration lag, Duration rpo, boolean breached, Instant restorablePoint,
        Instant measuredAt) implements LifeboatMessage {

    /**
     * Validates id, durations and time.
     */
    public RpoLagMeasured {
        Require.nonBlank(targetId, "RpoLagMeasured.targetId");
        Require.nonNull(lag, "RpoLagMeasured.lag");
        Require.nonNull(rpo, "RpoLagMeasured.rpo");
        Require.nonNull(measuredAt, "RpoLagMeasured.measuredAt");
    }
}
