package io.lifeboat.catalog.domain.plan;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.lifeboat.catalog.domain.Chains;
import io.lifeboat.catalog.domain.TargetState;
import io.lifeboat.events.catalog.CatalogEntry;

/**
 * Works out a target's restorable window from its restorable backups, its archive tip and its log gaps.
 *
 * <p>
 * Each restorable backup covers [consistentAt, cap], where cap is how far archived log rolls it forward (see
 * {@link RollForward}); for engines that do not replay log, or without an archive, the cap is the backup's own
 * instant. Overlapping or touching intervals merge into disjoint ranges; a range holding a single instant is a backup
 * point, not continuous.
 */
public final class RestorableWindows {

    private RestorableWindows() {
    }

    /**
     * The restorable window of a target.
     *
     * @param state the target
     * @param chains the target's entries
     * @return the window; bounds null and no ranges when nothing is restorable
     */
    public static RestorableWindow of(TargetState state, Chains chains) {
        List<RestorableRange> ranges = merge(intervals(state, restorable(chains)));
        Instant earliest = ranges.isEmpty() ? null : ranges.get(0).from();
        Instant latest = ranges.stream().map(RestorableRange::to).max(Comparator.naturalOrder()).orElse(null);
        boolean continuous = ranges.size() == 1 && ranges.get(0).continuous();
        List<String> broken = chains.broken().stream().map(CatalogEntry::backupId).sorted().toList();
        return new RestorableWindow(earliest, latest, continuous, ranges, state.getGaps(), broken);
    }

    /**
     * The restorable backups of a target, oldest first.
     *
     * @param chains the target's entries
     * @return backups a restore can start from, by consistentAt then id
     */
    static List<CatalogEntry> restorable(Chains chains) {
        return chains.entries().stream().filter(chains::restorable)
                .sorted(Comparator.comparing(CatalogEntry::consistentAt).thenComparing(CatalogEntry::backupId))
                .toList();
    }

    private static List<RestorableRange> intervals(TargetState state, List<CatalogEntry> bases) {
        List<RestorableRange> intervals = new ArrayList<>();
        for (CatalogEntry base : bases) {
            RollForward reach = RollForward.of(state, base);
            intervals.add(reach.cap().isAfter(base.consistentAt())
                    ? new RestorableRange(base.consistentAt(), reach.cap(), true)
                    : RestorableRange.point(base.consistentAt()));
        }
        return intervals;
    }

    // The intervals arrive sorted by their start, so one pass merges them.
    private static List<RestorableRange> merge(List<RestorableRange> sorted) {
        List<RestorableRange> merged = new ArrayList<>();
        for (RestorableRange next : sorted) {
            if (!merged.isEmpty()) {
                RestorableRange last = merged.get(merged.size() - 1);
                if (!next.from().isAfter(last.to())) {
                    Instant to = next.to().isAfter(last.to()) ? next.to() : last.to();
                    merged.set(merged.size() - 1, new RestorableRange(last.from(), to, to.isAfter(last.from())));
                    continue;
                }
            }
            merged.add(next);
        }
        return merged;
    }
}
