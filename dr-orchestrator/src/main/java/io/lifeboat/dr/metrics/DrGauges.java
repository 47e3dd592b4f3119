package io.lifeboat.dr.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.lifeboat.dr.domain.RunStatus;
import io.lifeboat.events.dr.DrRunUpdated;
import io.lifeboat.events.metrics.GaugeReading;
import io.micrometer.core.instrument.Tags;

/**
 * The rows of the orchestrator's run gauges, read off the latest run of every target and recovery group: one row per
 * run status, 1 for the latest run's status and 0 for the others, and the instant that run started.
 *
 * @param status per target and run kind, 1 for the latest run's status, 0 for the others
 * @param started per target and run kind, epoch seconds the latest run started
 */
public record DrGauges(List<GaugeReading> status, List<GaugeReading> started) {

    /** No rows: what an instance that does not act exports, so that only the acting instance speaks for runs. */
    public static final DrGauges NONE = new DrGauges(List.of(), List.of());

    /**
     * Reads the rows off the latest runs.
     *
     * @param latest the latest run of every target and group
     * @return the gauges' rows
     */
    public static DrGauges of(List<DrRunUpdated> latest) {
        List<GaugeReading> status = new ArrayList<>();
        List<GaugeReading> started = new ArrayList<>();
        for (DrRunUpdated run : latest) {
            Tags tags = Tags.of("target", run.targetId(), "kind", run.kind().toLowerCase(Locale.ROOT));
            for (RunStatus each : RunStatus.values()) {
                status.add(new GaugeReading(tags.and("status", each.name()), each.name().equals(run.status())
                        ? 1
                        : 0));
            }
            started.add(new GaugeReading(tags, run.startedAt().toEpochMilli() / 1000.0));
        }
        return new DrGauges(status, started);
    }
}
