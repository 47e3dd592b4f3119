package io.lifeboat.scheduler.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.lifeboat.events.Engine;
import io.lifeboat.events.backup.BackupType;
import io.lifeboat.events.metrics.GaugeReading;
import io.lifeboat.events.policy.BackupSchedule;
import io.lifeboat.events.policy.FailoverMode;
import io.lifeboat.events.policy.PolicySpec;
import io.lifeboat.events.policy.ProtectionTier;
import io.lifeboat.events.policy.Retention;
import io.lifeboat.events.policy.Scheduling;
import io.lifeboat.scheduler.domain.TargetSchedule;
import io.lifeboat.scheduler.policy.PolicyRules;

class ScheduleGaugesTest {

    private static final Instant NINE = Instant.parse("2026-11-21T09:00:00Z");
    private static final String HOURLY = "backup:FULL:0 * * * *";

    @Test
    void aHandledScheduleExportsItsSlotAndWhenTheNextOneIsDue() {
        TargetSchedule state = state("orders-db", Duration.ZERO);
        state.getLastSlots().put(HOURLY, NINE);

        ScheduleGauges gauges = ScheduleGauges.of(List.of(state), Duration.ofMinutes(5));

        String row = "command=run_backup,schedule=" + HOURLY + ",target=orders-db";
        assertThat(rows(gauges.lastSlot())).containsExactly(Map.entry(row, 1_795_251_600.0));
        // Without a stagger window the next slot is due at 10:00 sharp; the verification schedule has no slot yet.
        assertThat(rows(gauges.nextRun())).containsExactly(Map.entry(row, 1_795_255_200.0));
    }

    @Test
    void theNextRunIncludesTheTargetsStaggerOffsetFromTheDefaultWindow() {
        TargetSchedule state = state("orders-db", null);
        state.getLastSlots().put(HOURLY, NINE);

        double next = ScheduleGauges.of(List.of(state), Duration.ofMinutes(5)).nextRun().get(0).value();

        assertThat(next).isBetween(1_795_255_200.0, 1_795_255_200.0 + 300);
    }

    @Test
    void aTargetWithoutAPolicyExportsNothing() {
        TargetSchedule state = new TargetSchedule("gone-db");
        state.getLastSlots().put(HOURLY, NINE);

        ScheduleGauges gauges = ScheduleGauges.of(List.of(state), Duration.ofMinutes(5));

        assertThat(gauges.lastSlot()).isEmpty();
        assertThat(gauges.nextRun()).isEmpty();
    }

    private static TargetSchedule state(String targetId, Duration window) {
        PolicySpec spec = new PolicySpec(targetId, Engine.POSTGRES, "secret://lifeboat/" + targetId,
                ProtectionTier.TIER_1, List.of(new BackupSchedule(BackupType.FULL, "0 * * * *")), true,
                Duration.ofMinutes(5), Duration.ofHours(1), new Retention(0, 7, 4, 12, 7, null), List.of(),
                "30 2 * * *", null, new Scheduling("UTC", null, null, window), FailoverMode.AUTOMATIC);
        TargetSchedule state = new TargetSchedule(targetId);
        state.setPolicy(PolicyRules.define(spec, "ops:test", NINE.minusSeconds(3600), "c-1"));
        return state;
    }

    private static Map<String, Double> rows(List<GaugeReading> readings) {
        return readings.stream().collect(Collectors.toMap(GaugeReading::labels, GaugeReading::value));
    }
}
