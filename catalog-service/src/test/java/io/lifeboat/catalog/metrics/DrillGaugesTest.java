package io.lifeboat.catalog.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.lifeboat.catalog.domain.dr.DrRun;
import io.lifeboat.catalog.domain.dr.DrillResult;
import io.lifeboat.events.metrics.GaugeReading;
import io.micrometer.core.instrument.Tags;

class DrillGaugesTest {

    private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");

    @Test
    void readsTheNewestDrillOfEachTarget() {
        DrRun older = drill("drill-1", "db", true, Duration.ofSeconds(40), NOW.minus(Duration.ofDays(7)));
        DrRun newer = drill("drill-2", "db", false, Duration.ofMinutes(20), NOW.minus(Duration.ofHours(1)));
        DrRun other = drill("drill-3", "cache", true, Duration.ofMillis(1500), NOW.minus(Duration.ofHours(2)));

        DrillGauges gauges = DrillGauges.of(List.of(newer, other, older));

        Tags db = Tags.of("target", "db");
        Tags cache = Tags.of("target", "cache");
        assertThat(gauges.restoreTime()).containsExactly(new GaugeReading(cache, 1.5), new GaugeReading(db, 1200));
        assertThat(gauges.rto()).containsExactly(new GaugeReading(cache, 900), new GaugeReading(db, 900));
        assertThat(gauges.passed()).containsExactly(new GaugeReading(cache, 1), new GaugeReading(db, 0));
        assertThat(gauges.completedAt()).containsExactly(
                new GaugeReading(cache, NOW.minus(Duration.ofHours(2)).getEpochSecond()),
                new GaugeReading(db, NOW.minus(Duration.ofHours(1)).getEpochSecond()));
    }

    @Test
    void ignoresRunsWithoutADrillResult() {
        DrillGauges gauges = DrillGauges.of(List.of(DrRun.empty("failover-1", "db"),
                DrRun.empty("drill-9", "db")));

        assertThat(gauges.restoreTime()).isEmpty();
        assertThat(gauges.rto()).isEmpty();
        assertThat(gauges.passed()).isEmpty();
        assertThat(gauges.completedAt()).isEmpty();
    }

    private static DrRun drill(String runId, String target, boolean passed, Duration restore, Instant completed) {
        DrillResult result = new DrillResult("b-" + runId, passed, restore, Duration.ofMinutes(15),
                passed ? null : "rto_exceeded", completed.minus(restore), completed);
        return new DrRun(runId, target, null, null, result, null);
    }
}
