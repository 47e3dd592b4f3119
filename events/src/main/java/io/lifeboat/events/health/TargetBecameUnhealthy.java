package io.lifeboat.events.health;

import java.time.Instant;

import io.lifeboat.events.Engine;
import io.lifeboat.events.LifeboatMessage;
import io.lifeboat.events.Require;

/**
 * A probe of a target failed enough times in a row to count as an outage, not a blip.
 *
 * @param targetId id of the unhealthy target
 * @param engine engine of the target
 * @param instance host and port of the failing member, e.g. the primary (optional)
 * @param probe name of the failing probe, e.g. {@code connect}, {@code write}, {@code replication-lag}
 * @param error error reported by the last failed probe
 * @param consecutiveFailures number of failed probes in a row, at least the monitor's threshold
 * @param firstFailureAt instant of the first failed probe of the run
 * @param detectedAt instant the monitor declared the target unhealthy
 * @param monitorId id of the health-monitor instance that decided
 */
public record TargetBecameUnhealthy(String targetId, Engine engine, String instance, String probe, String error,
        int consecutiveFailures, Instant firstFailureAt, Instant detectedAt, String monitorId)
        implements
            LifeboatMessage {

    /**
     * Validates ids, probe, error, count and times.
     */
    public TargetBecameUnhealthy {
        Require.nonBlank(targetId, "TargetBecameUnhealthy.targetId");
        Require.nonNull(engine, "TargetBecameUnhealthy.engine");
        Require.nonBlank(probe, "TargetBecameUnhealthy.probe");
        Require.nonBlank(error, "TargetBecameUnhealthy.error");
        Require.positive(consecutiveFailures, "TargetBecameUnhealthy.consecutiveFailures");
        Require.nonNull(firstFailureAt, "TargetBecameUnhealthy.firstFailureAt");
        Require.nonNull(detectedAt, "TargetBecameUnhealthy.detectedAt");
        Require.nonBlank(monitorId, "TargetBecameUnhealthy.monitorId");
    }
}
