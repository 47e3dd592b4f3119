package io.lifeboat.events.health;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.lifeboat.events.Engine;
import io.lifeboat.events.LifeboatMessage;
import io.lifeboat.events.Require;

/**
 * A monitor's periodic report on one target, its heartbeat: who is watching, what it concludes and what each probe
 * saw. Readers that need agreement between monitors (a failover quorum) count the monitors whose latest report is
 * fresher than a few intervals.
 *
 * @param targetId id of the target
 * @param engine engine of the target
 * @param monitorId id of the health-monitor instance that reports
 * @param status what the monitor concludes
 * @param consecutiveFailures failed probe rounds in a row, 0 when the last passed
 * @param observations the last round's outcome per probe
 * @param interval how often this monitor probes and reports the target
 * @param reportedAt instant of the report
 */
public record TargetHealthReported(String targetId, Engine engine, String monitorId, HealthStatus status,
        int consecutiveFailures, List<ProbeObservation> observations, Duration interval, Instant reportedAt)
        implements
            LifeboatMessage {

    /**
     * Validates ids, status and times.
     */
    public TargetHealthReported {
        Require.nonBlank(targetId, "TargetHealthReported.targetId");
        Require.nonNull(engine, "TargetHealthReported.engine");
        Require.nonBlank(monitorId, "TargetHealthReported.monitorId");
        Require.nonNull(status, "TargetHealthReported.status");
        Require.nonNegative(consecutiveFailures, "TargetHealthReported.consecutiveFailures");
        observations = Require.listOf(observations);
        Require.nonNull(interval, "TargetHealthReported.interval");
        Require.nonNull(reportedAt, "TargetHealthReported.reportedAt");
    }
}
