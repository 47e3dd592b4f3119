package io.lifeboat.events.health;

import java.time.Instant;

import io.lifeboat.events.Engine;
import io.lifeboat.events.LifeboatMessage;
import io.lifeboat.events.Require;

/**
 * A resource warning of a target ended: its usage is back under the threshold.
 *
 * @param targetId id of the target
 * @param engine engine of the target
 * @param instance host, path or member of the warning (optional)
 * @param resource which resource
 * @param used fraction in use now, 0 to 1
 * @param threshold fraction of the warning
 * @param clearedAt instant the monitor cleared the warning
 * @param monitorId id of the health-monitor instance that decided
 */
public record TargetWarningCleared(String targetId, Engine engine, String instance, WatchedResource resource,
        double used, double threshold, Instant clearedAt, String monitorId) implements LifeboatMessage {

    /**
     * Validates ids, resource and time.
     */
    public TargetWarningCleared {
        Require.nonBlank(targetId, "TargetWarningCleared.targetId");
        Require.nonNull(engine, "TargetWarningCleared.engine");
        Require.nonNull(resource, "TargetWarningCleared.resource");
        Require.nonNull(clearedAt, "TargetWarningCleared.clearedAt");
        Require.nonBlank(monitorId, "TargetWarningCleared.monitorId");
    }
}
