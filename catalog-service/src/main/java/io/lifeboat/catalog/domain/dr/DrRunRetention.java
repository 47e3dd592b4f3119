package io.lifeboat.catalog.domain.dr;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Bounds the DR runs the catalog keeps: a run that ended more than {@link #KEEP_FOR} ago goes, and of a target's
 * ended runs only the newest {@link #KEEP_PER_TARGET} stay, so that a drill scheduled every few minutes cannot grow
 * the store without end. A run that has not ended stays whatever its age: it still needs an operator.
 */
public final class DrRunRetention {

    /** How long an ended run stays on the timeline. */
    public static final Duration KEEP_FOR = Duration.ofDays(30);
    /** How many ended runs of one target stay at most. */
    public static final int KEEP_PER_TARGET = 200;

    private static final Comparator<DrRun> NEWEST_FIRST = Comparator
            .comparing(DrRun::finished, Comparator.nullsFirst(Comparator.<Instant>naturalOrder())).reversed()
            .thenComparing(DrRun::runId);

    private DrRunRetention() {
    }

    /**
     * Picks the runs to drop.
     *
     * @param runs stored runs, of any targets
     * @param now the current instant
     * @return the runs to remove from the store
     */
    public static List<DrRun> toDrop(List<DrRun> runs, Instant now) {
        Instant cutoff = now.minus(KEEP_FOR);
        Map<String, List<DrRun>> ended = runs.stream().filter(run -> run.finished() != null)
                .collect(Collectors.groupingBy(DrRun::targetId));
        List<DrRun> drop = new ArrayList<>();
        for (List<DrRun> ofTarget : ended.values()) {
            List<DrRun> sorted = ofTarget.stream().sorted(NEWEST_FIRST).toList();
            for (int i = 0; i < sorted.size(); i++) {
                DrRun run = sorted.get(i);
                if (i >= KEEP_PER_TARGET || run.finished().isBefore(cutoff)) {
                    drop.add(run);
                }
            }
        }
        return drop;
    }
}
