package io.lifeboat.catalog.metrics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.lifeboat.catalog.domain.dr.DrRun;
import io.lifeboat.catalog.domain.dr.DrillResult;
import io.lifeboat.events.metrics.GaugeReading;
import io.micrometer.core.instrument.Tags;

/**
 * The values of the per-target drill gauges, read off each target's newest completed drill ({@code DrillCompleted}).
 *
 * @param restoreTime measured restore time of the newest drill, in seconds
 * @param rto the RTO that drill was measured against, in seconds
 * @param passed 1 when the newest drill passed, else 0
 * @param completedAt epoch seconds the newest drill finished
 */
public record DrillGauges(List<GaugeReading> restoreTime, List<GaugeReading> rto, List<GaugeReading> passed,
        List<GaugeReading> completedAt) {

    private static final Comparator<DrillResult> NEWEST_LAST = Comparator.comparing(DrillResult::completedAt);

    /**
     * Reads the gauges off some DR runs.
     *
     * @param runs the runs, of any kind and target
     * @return one reading per gauge for each target with at least one completed drill
     */
    public static DrillGauges of(List<DrRun> runs) {
        Map<String, DrillResult> newest = new TreeMap<>();
        for (DrRun run : runs) {
            if (run.drill() != null) {
                newest.merge(run.targetId(), run.drill(), (a, b) -> NEWEST_LAST.compare(a, b) >= 0 ? a : b);
            }
        }
        DrillGauges gauges = new DrillGauges(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(),
                new ArrayList<>());
        newest.forEach((targetId, drill) -> {
            Tags target = Tags.of("target", targetId);
            gauges.restoreTime.add(new GaugeReading(target, drill.restoreTime().toMillis() / 1000.0));
            gauges.rto.add(new GaugeReading(target, drill.rto().toMillis() / 1000.0));
            gauges.passed.add(new GaugeReading(target, drill.passed() ? 1 : 0));
            gauges.completedAt.add(new GaugeReading(target, drill.completedAt().toEpochMilli() / 1000.0));
        });
        return gauges;
    }
}
