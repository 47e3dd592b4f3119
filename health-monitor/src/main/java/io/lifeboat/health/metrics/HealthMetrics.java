package io.lifeboat.health.metrics;

import java.util.List;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import io.lifeboat.events.metrics.LiveGauge;
import io.lifeboat.health.monitor.TargetSnapshot;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Exports what this monitor knows of its targets as Prometheus gauges ({@code lifeboat_health_*}), written after
 * every round of any target; each monitor instance exports its own view, so alert rules aggregate across monitors
 * as the quorum does (see {@link HealthGauges} for the rows).
 */
@ApplicationScoped
public class HealthMetrics {

    private final LiveGauge status;
    private final LiveGauge consecutiveFailures;
    private final LiveGauge lastRound;
    private final LiveGauge probeUp;
    private final LiveGauge probeLatency;
    private final LiveGauge replicationLag;

    HealthMetrics(MeterRegistry registry) {
        status = new LiveGauge(registry, "lifeboat.health.status",
                "1 for the target's current health status as this monitor concludes it, 0 for the others");
        consecutiveFailures = new LiveGauge(registry, "lifeboat.health.consecutive.failures",
                "Failed probe rounds of the target in a row");
        lastRound = new LiveGauge(registry, "lifeboat.health.last.round.timestamp.seconds",
                "Instant the target's last probe round finished, in epoch seconds");
        probeUp = new LiveGauge(registry, "lifeboat.health.probe.up",
                "1 when the member passed its last probe, else 0");
        probeLatency = new LiveGauge(registry, "lifeboat.health.probe.latency.seconds",
                "Time the member's last probe took, in seconds");
        replicationLag = new LiveGauge(registry, "lifeboat.health.replication.lag.seconds",
                "How far the standby's replay is behind its primary, in seconds, as of its last probe");
    }

    /**
     * Writes every gauge from the monitor's current snapshots; one refresh at a time, each reading the snapshots
     * anew, so that rounds ending together never leave older values behind.
     *
     * @param snapshots what the monitor knows of each target now
     */
    public synchronized void refresh(Supplier<List<TargetSnapshot>> snapshots) {
        HealthGauges gauges = HealthGauges.of(snapshots.get());
        status.set(gauges.status());
        consecutiveFailures.set(gauges.consecutiveFailures());
        lastRound.set(gauges.lastRound());
        probeUp.set(gauges.probeUp());
        probeLatency.set(gauges.probeLatency());
        replicationLag.set(gauges.replicationLag());
    }
}
