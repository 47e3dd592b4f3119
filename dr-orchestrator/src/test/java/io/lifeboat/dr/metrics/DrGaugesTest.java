package io.lifeboat.dr.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.lifeboat.events.dr.DrRunUpdated;
import io.lifeboat.events.metrics.GaugeReading;

class DrGaugesTest {

    private static final Instant STARTED = Instant.parse("2026-11-21T09:00:00Z");

    @Test
    void theLatestRunOfATargetExportsOneRowPerStatusWithOneForItsOwn() {
        DrGauges gauges = DrGauges.of(List.of(run("orders-db", "FAILOVER", "AWAITING_APPROVAL"),
                run("shop", "COMPLETE_FAILURE", "FAILED")));

        Map<String, Double> rows = rows(gauges.status());
        assertThat(rows).hasSize(12).containsEntry("kind=failover,status=AWAITING_APPROVAL,target=orders-db", 1.0)
                .containsEntry("kind=failover,status=RUNNING,target=orders-db", 0.0)
                .containsEntry("kind=complete_failure,status=FAILED,target=shop", 1.0);
        assertThat(rows.values().stream().mapToDouble(Double::doubleValue).sum()).isEqualTo(2.0);
        assertThat(rows(gauges.started())).containsEntry("kind=failover,target=orders-db", 1_795_251_600.0);
    }

    @Test
    void noRunsNoRows() {
        assertThat(DrGauges.of(List.of()).status()).isEmpty();
        assertThat(DrGauges.NONE.started()).isEmpty();
    }

    private static DrRunUpdated run(String target, String kind, String status) {
        return new DrRunUpdated(kind.toLowerCase() + "-" + target + "-1", target, "runbook", kind, "AUTOMATIC",
                false, status, List.of(), 1, "dr-1", "health-quorum", "primary down", List.of(), null, STARTED,
                STARTED, null, null, List.of(), Map.of());
    }

    private static Map<String, Double> rows(List<GaugeReading> readings) {
        return readings.stream().collect(Collectors.toMap(GaugeReading::labels, GaugeReading::value));
    }
}
