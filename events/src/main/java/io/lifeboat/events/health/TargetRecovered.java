package io.lifeboat.events.health;

import java.time.Duration;
import java.time.Instant;

import io.lifeboat.events.Engine;
import io.lifeboat.events.LifeboatMessage;
import io.lifeboat.events.Require;

/**
 * An unhealthy target passed its probes enough times in a row to count as healthy again.
 *
 * @param targetId id of the recovered target
 * @param engine engine of the target
 * @param instance host and port of the member that recovered (optional)
 * @param probe name of the probe that passes again
 * @param consecutiveSuccesses number of passed probes in a row, at least the monitor's threshold
 * @param downtime time between the first failed probe and recovery
 * @param recoveredAt instant the monitor declared the target healthy
 * @param monitorId id of the health-monitor instance that decided
 */
public record TargetRecovered(String targetId, Engine engine, String instance, String probe,
        int consecutiveSuccesses, Duration downtime, Instant recoveredAt, String monitorId)
        implements
            LifeboatMessage {

    /**
     * Validates ids, probe, count, duration and time.
     */
    public TargetRecovered {
        Require.nonBlank(targetId, "TargetRecovered.targetId");
        Require.nonNull(engine, "TargetRecovered.engine");
        Require.nonBlank(probe, "TargetRecovered.probe");
        Require.positive(consecutiveSuccesses, "TargetRecovered.consecutiveSuccesses");
        Require.nonNull(downtime, "TargetRecovered.downtime");
        Require.nonNull(recoveredAt, "TargetRecovered.recoveredAt");
        Require.nonBlank(monitorId, "TargetRecovered.monitorId");
    }
}
