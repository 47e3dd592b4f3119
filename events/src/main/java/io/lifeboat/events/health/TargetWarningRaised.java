package io.lifeboat.events.health;

import java.time.Instant;

import io.lifeboat.events.Engine;
import io.lifeboat.events.LifeboatMessage;
import io.lifeboat.events.Require;

/**
 * A resource of a target passed its warning threshold (e.g. disk or memory above 90 %): not an outage yet, a P2
 * alert to act on before it becomes one.
 *
 * @param targetId id of the target
 * @param engine engine of the target
 * @param instance host, path or member whose resource is short (optional)
 * @param resource which resource
 * @param used fraction in use, 0 to 1
 * @param threshold fraction above which the warning is raised
 * @param detail what was measured, in words, e.g. {@code 46.2 GiB of 50 GiB used on /var/lib/postgresql}
 * @param raisedAt instant the monitor raised the warning
 * @param monitorId id of the health-monitor instance that decided
 */
public record TargetWarningRaised(String targetId, Engine engine, String instance, WatchedResource resource,
        double used, double threshold, String detail, Instant raisedAt, String monitorId) implements LifeboatMessage {

    /**
     * Validates ids, resource and time.
     */
    public TargetWarningRaised {
        Require.nonBlank(targetId, "TargetWarningRaised.targetId");
        Require.nonNull(engine, "TargetWarningRaised.engine");
        Require.nonNull(resource, "TargetWarningRaised.resource");
        Require.nonBlank(detail, "TargetWarningRaised.detail");
        Require.nonNull(raisedAt, "TargetWarningRaised.raisedAt");
        Require.nonBlank(monitorId, "TargetWarningRaised.monitorId");
    }
}
