package io.lifeboat.dr.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import io.lifeboat.events.health.HealthStatus;
import io.lifeboat.events.health.TargetHealthReported;

/**
 * Decides whether a target's primary is down by agreement of its monitors, so that one partitioned monitor never
 * triggers a failover on its own.
 */
public final class FailureQuorum {

    /** A monitor's report counts while it is younger than this many of the monitor's own intervals. */
    public static final int DEFAULT_STALE_AFTER_INTERVALS = 3;

    private final int expectedMonitors;
    private final int staleAfterIntervals;

    /**
     * Creates a quorum over the configured number of monitors, each counting for three of its intervals.
     *
     * @param expectedMonitors how many monitors are deployed to watch every target
     */
    public FailureQuorum(int expectedMonitors) {
        this(expectedMonitors, DEFAULT_STALE_AFTER_INTERVALS);
    }

    /**
     * Creates a quorum over the configured number of monitors.
     *
     * @param expectedMonitors how many monitors are deployed to watch every target
     * @param staleAfterIntervals how many of its intervals a monitor's report counts for
     */
    public FailureQuorum(int expectedMonitors, int staleAfterIntervals) {
        if (expectedMonitors < 1) {
            throw new IllegalArgumentException("FailureQuorum.expectedMonitors must be at least 1, was "
                    + expectedMonitors);
        }
        if (staleAfterIntervals < 1) {
            throw new IllegalArgumentException("FailureQuorum.staleAfterIntervals must be at least 1, was "
                    + staleAfterIntervals);
        }
        this.expectedMonitors = expectedMonitors;
        this.staleAfterIntervals = staleAfterIntervals;
    }

    /**
     * Returns how many agreeing monitors make a quorum.
     *
     * @return a strict majority of the configured monitors
     */
    public int required() {
        // Of the configured count, not of the live ones: with two of three monitors unreachable, the one left
        // may be the partitioned one, and it must not decide alone.
        return expectedMonitors / 2 + 1;
    }

    /**
     * Decides from the latest report of each monitor about one target.
     *
     * @param latestPerMonitor the newest report of each monitor, all about the same target
     * @param now the current instant
     * @return the verdict, down only when a majority of the configured monitors freshly report UNHEALTHY
     */
    public QuorumVerdict decide(Collection<TargetHealthReported> latestPerMonitor, Instant now) {
        String targetId = sameTarget(latestPerMonitor);
        List<TargetHealthReported> live = latestPerMonitor.stream().filter(report -> fresh(report, now)).toList();
        List<String> liveIds = live.stream().map(TargetHealthReported::monitorId).sorted().toList();
        // SUSPECT is a blip until proven otherwise: only a monitor's settled UNHEALTHY counts as a vote.
        List<String> agreeing = live.stream().filter(report -> report.status() == HealthStatus.UNHEALTHY)
                .map(TargetHealthReported::monitorId).sorted().toList();
        boolean down = agreeing.size() >= required();
        String reason = "target '" + targetId + "': " + agreeing.size() + " of " + expectedMonitors
                + " configured monitors report UNHEALTHY " + agreeing + ", " + required() + " required; live "
                + liveIds + (down ? ": primary is down" : ": no quorum, primary is not declared down");
        return new QuorumVerdict(down, agreeing, liveIds, required(), reason);
    }

    /**
     * Decides from the latest report of each monitor about one target, keyed by monitor id.
     *
     * @param latestByMonitor the newest report of each monitor, all about the same target
     * @param now the current instant
     * @return the verdict, down only when a majority of the configured monitors freshly report UNHEALTHY
     */
    public QuorumVerdict decide(Map<String, TargetHealthReported> latestByMonitor, Instant now) {
        return decide(latestByMonitor.values(), now);
    }

    private boolean fresh(TargetHealthReported report, Instant now) {
        Duration staleAfter = report.interval().multipliedBy(staleAfterIntervals);
        return Duration.between(report.reportedAt(), now).compareTo(staleAfter) < 0;
    }

    private static String sameTarget(Collection<TargetHealthReported> reports) {
        List<String> targets = reports.stream().map(TargetHealthReported::targetId).distinct().toList();
        if (targets.size() > 1) {
            throw new IllegalArgumentException("FailureQuorum needs reports about one target, got " + targets);
        }
        return targets.isEmpty() ? "(no reports)" : targets.get(0);
    }
}
