package io.lifeboat.catalog.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.lifeboat.catalog.domain.LastBackup;
import io.lifeboat.catalog.rest.TargetStatus;
import io.lifeboat.catalog.rest.TargetView;
import io.lifeboat.events.Engine;
import io.lifeboat.events.backup.BackupType;
import io.lifeboat.events.metrics.GaugeReading;
import io.lifeboat.events.policy.ProtectionTier;
import io.micrometer.core.instrument.Tags;

class CatalogGaugesTest {

    private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");

    @Test
    void readsLagRpoBreachAgesAndWindowOfAProtectedTarget() {
        TargetView db = view("db", Duration.ofMinutes(7), Duration.ofMinutes(5), true,
                Map.of(BackupType.FULL, new LastBackup("f1", NOW.minus(Duration.ofHours(3)), null)),
                NOW.minus(Duration.ofMinutes(7)), NOW.minus(Duration.ofDays(2)));

        CatalogGauges gauges = CatalogGauges.of(List.of(db), NOW);

        Tags target = Tags.of("target", "db");
        assertThat(gauges.rpoLag()).containsExactly(new GaugeReading(target, 420));
        assertThat(gauges.rpo()).containsExactly(new GaugeReading(target, 300));
        assertThat(gauges.breached()).containsExactly(new GaugeReading(target, 1));
        assertThat(gauges.backupAge()).containsExactly(new GaugeReading(target.and("type", "FULL"), 10_800));
        assertThat(gauges.lastSuccess()).containsExactly(new GaugeReading(target.and("type", "FULL"),
                NOW.minus(Duration.ofHours(3)).getEpochSecond()));
        assertThat(gauges.restorableWindow()).containsExactly(new GaugeReading(target,
                Duration.ofDays(2).minusMinutes(7).toSeconds()));
    }

    @Test
    void leavesOutRpoAndWindowOfAnUnprotectedTargetWithNothingRestorable() {
        TargetView loose = view("loose", null, null, false,
                Map.of(BackupType.INCREMENTAL, new LastBackup("i1", NOW.plusSeconds(5), null)), null, null);

        CatalogGauges gauges = CatalogGauges.of(List.of(loose), NOW);

        assertThat(gauges.rpoLag()).isEmpty();
        assertThat(gauges.rpo()).isEmpty();
        assertThat(gauges.breached()).isEmpty();
        assertThat(gauges.restorableWindow()).isEmpty();
        assertThat(gauges.backupAge()).containsExactly(new GaugeReading(Tags.of("target", "loose", "type",
                "INCREMENTAL"), 0));
    }

    private static TargetView view(String id, Duration lag, Duration rpo, boolean breached,
            Map<BackupType, LastBackup> lastSuccess, Instant restorable, Instant earliest) {
        return new TargetView(id, Engine.POSTGRES, rpo == null ? null : ProtectionTier.TIER_1,
                rpo == null ? TargetStatus.UNPROTECTED : TargetStatus.GREEN, rpo, rpo, lag,
                lag == null ? null : lag.toSeconds(), rpo == null ? null : rpo.toSeconds(), breached, restorable,
                earliest, true, lastSuccess, null, null, null, null, List.of(), List.of(), NOW);
    }
}
