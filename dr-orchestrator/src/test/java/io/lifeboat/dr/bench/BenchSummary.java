package io.lifeboat.dr.bench;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The figures over all runs that the {@code RESULT lifeboat} line reports.
 *
 * @param runs how many runs there were
 * @param p50 median time from the kill to the standby accepting writes
 * @param max the longest such time
 * @param lostMax the most acknowledged inserts one run lost
 */
public record BenchSummary(int runs, Duration p50, Duration max, int lostMax) {

    /**
     * Summarises runs; the median of an even count is the mean of the two middle values, as the Patroni side does.
     *
     * @param results the runs, at least one
     * @return the summary
     */
    public static BenchSummary of(List<RunResult> results) {
        if (results.isEmpty()) {
            throw new IllegalArgumentException("BenchSummary needs at least one run, got none");
        }
        List<Duration> times = results.stream().map(RunResult::writableAfter).sorted(Comparator.naturalOrder())
                .toList();
        int n = times.size();
        Duration p50 = n % 2 == 1 ? times.get(n / 2) : times.get(n / 2 - 1).plus(times.get(n / 2)).dividedBy(2);
        int lostMax = results.stream().mapToInt(RunResult::lost).max().orElse(0);
        return new BenchSummary(n, p50, times.get(n - 1), lostMax);
    }

    /** The {@code RESULT lifeboat} line. */
    public String resultLine() {
        return String.format(Locale.ROOT, "RESULT lifeboat runs=%d monitors=1 p50_s=%.2f max_s=%.2f lost_tx_max=%d",
                runs,
                p50.toMillis() / 1000.0, max.toMillis() / 1000.0, lostMax);
    }
}
