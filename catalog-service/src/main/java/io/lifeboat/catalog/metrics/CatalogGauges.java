package io.lifeboat.catalog.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.lifeboat.catalog.domain.LastBackup;
import io.lifeboat.catalog.rest.TargetView;
import io.lifeboat.events.metrics.GaugeReading;
import io.micrometer.core.instrument.Tags;

/**
 * The values of every per-target gauge at one instant, read off the targets' views.
 *
 * @param rpoLag RPO lag in seconds, per protected target
 * @param rpo RPO in seconds, per protected target
 * @param breached 1 while the target has an open RPO breach, else 0, per protected target
 * @param backupAge seconds since the last success, per target and backup type
 * @param lastSuccess epoch seconds of the last success, per target and backup type
 * @param restorableWindow seconds between the earliest and the newest restorable point, per restorable target
 */
public record CatalogGauges(List<GaugeReading> rpoLag, List<GaugeReading> rpo, List<GaugeReading> breached,
        List<GaugeReading> backupAge, List<GaugeReading> lastSuccess, List<GaugeReading> restorableWindow) {

    /**
     * Reads the gauges off the views of some targets.
     *
     * @param views the targets, each measured at {@code now}
     * @param now instant the ages are measured at
     * @return the readings; a target without policy has no RPO readings, one with nothing restorable no window
     */
    public static CatalogGauges of(List<TargetView> views, Instant now) {
        CatalogGauges gauges = new CatalogGauges(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(),
                new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (TargetView view : views) {
            Tags target = Tags.of("target", view.targetId());
            if (view.lag() != null && view.rpo() != null) {
                gauges.rpoLag.add(new GaugeReading(target, seconds(view.lag())));
                gauges.rpo.add(new GaugeReading(target, seconds(view.rpo())));
                gauges.breached.add(new GaugeReading(target, view.breached() ? 1 : 0));
            }
            view.lastSuccess().forEach((type, last) -> gauges.addSuccess(target.and("type", type.name()), last, now));
            if (view.restorablePoint() != null && view.earliestRestorable() != null) {
                gauges.restorableWindow.add(new GaugeReading(target,
                        seconds(Duration.between(view.earliestRestorable(), view.restorablePoint()))));
            }
        }
        return gauges;
    }

    private void addSuccess(Tags tags, LastBackup last, Instant now) {
        if (last == null || last.at() == null) {
            return;
        }
        // A success reported by a clock running ahead is age zero, not a negative age.
        Duration age = last.at().isAfter(now) ? Duration.ZERO : Duration.between(last.at(), now);
        backupAge.add(new GaugeReading(tags, seconds(age)));
        lastSuccess.add(new GaugeReading(tags, last.at().toEpochMilli() / 1000.0));
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }
}
