package io.lifeboat.events.rpo;

import java.time.Duration;
import java.time.Instant;

import io.lifeboat.events.LifeboatMessage;
import io.lifeboat.events.Require;

/**
 * A target in breach is back within its recovery point objective.
 *
 * @param targetId id of the target that recovered
 * @param lag lag measured when the breach ended
 * @param rpo recovery point objective of the target's policy
 * @param restorablePoint newest instant the target can be restored to
 * @param breachDuration how long the target was in breach
 * @param restoredAt wall-clock instant the breach ended
 */
public record RpoRestored(String targetId, Duration lag, Duration rpo, Instant restorablePoint,
        Duration breachDuration, Instant restoredAt) implements LifeboatMessage {

    /**
     * Validates id, durations and times.
     */
    public RpoRestored {
        Require.nonBlank(targetId, "RpoRestored.targetId");
        Require.nonNull(lag, "RpoRestored.lag");
        Require.nonNull(rpo, "RpoRestored.rpo");
        Require.nonNull(restorablePoint, "RpoRestored.restorablePoint");
        Require.nonNull(breachDuration, "RpoRestored.breachDuration");
        Require.nonNull(restoredAt, "RpoRestored.restoredAt");
    }
}
