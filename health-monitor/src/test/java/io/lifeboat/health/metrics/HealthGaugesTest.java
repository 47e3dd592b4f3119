package io.lifeboat.health.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.lifeboat.events.Engine;
import io.lifeboat.events.health.HealthStatus;
import io.lifeboat.events.health.ProbeObservation;
import io.lifeboat.events.metrics.GaugeReading;
import io.lifeboat.health.monitor.TargetSnapshot;

class HealthGaugesTest {

    private static final Instant ROUND = Instant.parse("2026-11-21T09:00:00.500Z");

    @Test
    void aTargetExportsOneStatusRowPerStatusWithOneForTheCurrentOne() {
        HealthGauges gauges = HealthGauges.of(List.of(snapshot(HealthStatus.SUSPECT, 1, List.of(
                new ProbeObservation("primary", "db1:5432", false, Duration.ofMillis(250), null, null, "refused")))));

        assertThat(rows(gauges.status())).containsExactlyInAnyOrderEntriesOf(Map.of(
                "engine=postgres,status=HEALTHY,target=orders-db", 0.0,
                "engine=postgres,status=SUSPECT,target=orders-db", 1.0,
                "engine=postgres,status=UNHEALTHY,target=orders-db", 0.0));
        assertThat(rows(gauges.consecutiveFailures())).containsExactly(Map.entry("engine=postgres,target=orders-db",
                1.0));
        assertThat(rows(gauges.lastRound())).containsExactly(Map.entry("engine=postgres,target=orders-db",
                1_795_251_600.5));
    }

    @Test
    void everyProbedMemberExportsItsResultLatencyAndReplicationLag() {
        HealthGauges gauges = HealthGauges.of(List.of(snapshot(HealthStatus.HEALTHY, 0, List.of(
                new ProbeObservation("primary", "db1:5432", true, Duration.ofMillis(12), "primary", null, null),
                new ProbeObservation("standby", "db2:5432", true, Duration.ofMillis(8), "standby",
                        Duration.ofMillis(1500), null),
                new ProbeObservation("disk", null, false, null, null, null, "95 % used")))));

        assertThat(rows(gauges.probeUp())).containsExactlyInAnyOrderEntriesOf(Map.of(
                "member=db1:5432,probe=primary,target=orders-db", 1.0,
                "member=db2:5432,probe=standby,target=orders-db", 1.0,
                "member=disk,probe=disk,target=orders-db", 0.0));
        assertThat(rows(gauges.probeLatency())).containsExactlyInAnyOrderEntriesOf(Map.of(
                "member=db1:5432,probe=primary,target=orders-db", 0.012,
                "member=db2:5432,probe=standby,target=orders-db", 0.008));
        assertThat(rows(gauges.replicationLag())).containsExactly(Map.entry(
                "member=db2:5432,probe=standby,target=orders-db", 1.5));
    }

    @Test
    void aTargetWithoutARoundYetExportsNothing() {
        HealthGauges gauges = HealthGauges.of(List.of(new TargetSnapshot("orders-db", Engine.POSTGRES, "m1",
                HealthStatus.HEALTHY, 0, null, List.of())));

        assertThat(gauges.status()).isEmpty();
        assertThat(gauges.consecutiveFailures()).isEmpty();
        assertThat(gauges.lastRound()).isEmpty();
        assertThat(gauges.probeUp()).isEmpty();
    }

    private static TargetSnapshot snapshot(HealthStatus status, int failures, List<ProbeObservation> observations) {
        return new TargetSnapshot("orders-db", Engine.POSTGRES, "m1", status, failures, ROUND, observations);
    }

    private static Map<String, Double> rows(List<GaugeReading> readings) {
        return readings.stream().collect(Collectors.toMap(GaugeReading::labels, GaugeReading::value));
    }
}
