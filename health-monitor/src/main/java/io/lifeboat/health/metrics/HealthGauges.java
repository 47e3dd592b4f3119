package io.lifeboat.health.metrics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.lifeboat.events.health.HealthStatus;
import io.lifeboat.events.health.ProbeObservation;
import io.lifeboat.events.metrics.GaugeReading;
import io.lifeboat.health.monitor.TargetSnapshot;
import io.micrometer.core.instrument.Tags;

/**
 * The values of the monitor's gauges, read off its targets' snapshots: per target its status (one row per status,
 * 1 for the current one), failed rounds in a row and the end of its last round; per probed member whether the last
 * probe passed, how long it took and, for a standby, its replication lag. A target exports nothing before its first
 * round.
 *
 * @param status 1 for the target's current status, 0 for the others
 * @param consecutiveFailures failed rounds in a row, per target
 * @param lastRound epoch seconds the last round finished, per target that had one
 * @param probeUp 1 when the member passed its last probe, else 0
 * @param probeLatency seconds the last probe took, where it was measured
 * @param replicationLag seconds a standby's replay is behind, where the probe reported it
 */
public record HealthGauges(List<GaugeReading> status, List<GaugeReading> consecutiveFailures,
        List<GaugeReading> lastRound, List<GaugeReading> probeUp, List<GaugeReading> probeLatency,
        List<GaugeReading> replicationLag) {

    /**
     * Reads every gauge off the snapshots.
     *
     * @param snapshots what the monitor knows of each target
     * @return the gauges' rows
     */
    public static HealthGauges of(List<TargetSnapshot> snapshots) {
        List<GaugeReading> status = new ArrayList<>();
        List<GaugeReading> failures = new ArrayList<>();
        List<GaugeReading> lastRound = new ArrayList<>();
        List<GaugeReading> up = new ArrayList<>();
        List<GaugeReading> latency = new ArrayList<>();
        List<GaugeReading> lag = new ArrayList<>();
        for (TargetSnapshot snapshot : snapshots) {
            if (snapshot.lastRoundAt() == null) {
                // Nothing concluded yet: a status before the first round would be a guess.
                continue;
            }
            Tags target = Tags.of("target", snapshot.targetId(), "engine", snapshot.engine().id());
            for (HealthStatus each : HealthStatus.values()) {
                status.add(new GaugeReading(target.and("status", each.name()), each == snapshot.status() ? 1 : 0));
            }
            failures.add(new GaugeReading(target, snapshot.consecutiveFailures()));
            lastRound.add(new GaugeReading(target, snapshot.lastRoundAt().toEpochMilli() / 1000.0));
            for (ProbeObservation observation : snapshot.observations()) {
                Tags member = Tags.of("target", snapshot.targetId(), "probe", observation.probe(), "member",
                        observation.instance() == null ? observation.probe() : observation.instance());
                up.add(new GaugeReading(member, observation.ok() ? 1 : 0));
                if (observation.latency() != null) {
                    latency.add(new GaugeReading(member, seconds(observation.latency())));
                }
                if (observation.replicationLag() != null) {
                    lag.add(new GaugeReading(member, seconds(observation.replicationLag())));
                }
            }
        }
        return new HealthGauges(status, failures, lastRound, up, latency, lag);
    }

    private static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }
}
