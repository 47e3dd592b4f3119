package io.lifeboat.scheduler.policy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

import io.lifeboat.scheduler.domain.CronSchedule;

/**
 * Gaps between scheduled runs, measured over a fixed reference span so that checking a policy gives the same answer
 * whenever it runs: 14 days from Monday 2026-01-05 00:00 in the policy's zone, plus the run before and after.
 */
final class ScheduleGaps {

    static final LocalDateTime REFERENCE_START = LocalDateTime.of(2026, 1, 5, 0, 0);
    static final Duration REFERENCE_SPAN = Duration.ofDays(14);

    // A schedule denser than this (one run every ~25 s) is cut short; its runs bound the span measured.
    private static final int MAX_RUNS = 50_000;

    private ScheduleGaps() {
    }

    /**
     * The longest time between two consecutive runs of all schedules merged, empty when they run fewer than twice.
     */
    static Optional<Duration> longest(List<CronSchedule> schedules, ZoneId zone) {
        Instant start = REFERENCE_START.atZone(zone).toInstant();
        Instant end = start.plus(REFERENCE_SPAN);
        List<List<Instant>> runs = new ArrayList<>();
        for (CronSchedule schedule : schedules) {
            List<Instant> times = runs(schedule, start, end);
            if (times.size() > MAX_RUNS) {
                end = min(end, times.get(times.size() - 1));
            }
            runs.add(times);
        }
        TreeSet<Instant> merged = new TreeSet<>();
        for (List<Instant> times : runs) {
            merged.addAll(times);
        }
        // Each schedule brings its own run before and after the span; only the nearest ones bound the merged gaps.
        // Past a cut-short schedule's last run nothing is known of the others' gaps either.
        Instant horizon = end;
        Instant lastBefore = merged.floor(start);
        Instant firstAfter = merged.higher(horizon);
        merged.removeIf(t -> lastBefore != null && t.isBefore(lastBefore)
                || t.isAfter(horizon) && !t.equals(firstAfter));
        return extreme(merged, true);
    }

    /** The shortest time between two consecutive runs of one schedule, empty when it runs fewer than twice. */
    static Optional<Duration> shortest(CronSchedule schedule, ZoneId zone) {
        Instant start = REFERENCE_START.atZone(zone).toInstant();
        return extreme(new TreeSet<>(runs(schedule, start, start.plus(REFERENCE_SPAN))), false);
    }

    /** Runs in the span, the last one before it and the first one after it (or the first MAX_RUNS + 1). */
    private static List<Instant> runs(CronSchedule schedule, Instant start, Instant end) {
        List<Instant> times = new ArrayList<>();
        schedule.previous(start).ifPresent(times::add);
        List<Instant> inside = schedule.between(start, end, MAX_RUNS + 1);
        times.addAll(inside);
        if (inside.size() <= MAX_RUNS) {
            schedule.next(end).ifPresent(times::add);
        }
        return times;
    }

    private static Optional<Duration> extreme(TreeSet<Instant> times, boolean longest) {
        Duration best = null;
        Iterator<Instant> it = times.iterator();
        Instant previous = it.hasNext() ? it.next() : null;
        while (it.hasNext()) {
            Instant current = it.next();
            Duration gap = Duration.between(previous, current);
            if (best == null || (longest ? gap.compareTo(best) > 0 : gap.compareTo(best) < 0)) {
                best = gap;
            }
            previous = current;
        }
        return Optional.ofNullable(best);
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
