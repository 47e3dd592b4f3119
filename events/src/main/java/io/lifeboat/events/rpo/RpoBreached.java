package io.lifeboat.events.rpo;

import java.time.Duration;
import java.time.Instant;

import io.lifeboat.events.LifeboatMessage;
import io.lifeboat.events.Require;

/**
 * A target's RPO lag passed its recovery point objective.
 *
 * @param targetId id of the target in breach
 * @param lag lag measured when the breach was detected
 * @param rpo recovery point objective that was exceeded
 * @param restorablePoint newest instant the target can be restored to (optional)
 * @param breachedAt wall-clock instant the breach was detected
 */
public record RpoBreached(String targetId, Duration lag, Duration rpo, Instant restorablePoint, Instant breachedAt)
        implements
            LifeboatMessage {

    /**
     * Validates id, durations and time.
     */
    public RpoBreached {
        Require.nonBlank(targetId, "RpoBreached.targetId");
        Require.nonNull(lag, "RpoBreached.lag");
        Require.nonNull(rpo, "RpoBreached.rpo");
        Require.nonNull(breachedAt, "RpoBreached.breachedAt");
    }
}
