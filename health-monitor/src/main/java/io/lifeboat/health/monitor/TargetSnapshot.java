package io.lifeboat.health.monitor;

import java.time.Instant;
import java.util.List;

import io.lifeboat.events.Engine;
import io.lifeboat.events.health.HealthStatus;
import io.lifeboat.events.health.ProbeObservation;

/**
 * What a monitor currently knows about one target, for operators.
 *
 * @param targetId id of the target
 * @param engine engine of the target
 * @param monitorId id of the monitor
 * @param status current status
 * @param consecutiveFailures failed rounds in a row
 * @param lastRoundAt instant the last round finished, null before the first
 * @param observations the last round's observations, empty before the first
 */
public record TargetSnapshot(String targetId, Engine engine, String monitorId, HealthStatus status,
        int consecutiveFailures, Instant lastRoundAt, List<ProbeObservation> observations) {

    /**
     * Copies the observations.
     */
    public TargetSnapshot {
        observations = List.copyOf(observations);
    }
}
