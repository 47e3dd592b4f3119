package io.lifeboat.catalog.domain.dr;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

import io.lifeboat.events.dr.DrRunStep;

/**
 * The one-line outcome of a DR run as the timeline shows it, e.g. {@code promoted pg-b in 2.1 s, ~0 bytes lost} or
 * {@code drill passed: restored in 14 s (RTO 15 m)}, and the step a run stands at.
 */
public final class DrOutcomes {

    private static final String AWAITING_APPROVAL = "AWAITING_APPROVAL";

    private DrOutcomes() {
    }

    /**
     * Summarises how a run went or where it waits.
     *
     * @param run the run
     * @return the summary, or null when there is nothing to say yet
     */
    public static String summary(DrRun run) {
        if (run.failover() != null) {
            FailoverResult failover = run.failover();
            return "promoted " + failover.newPrimary() + " in " + duration(failover.recoveryTime()) + ", "
                    + loss(failover);
        }
        if (run.drill() != null) {
            DrillResult drill = run.drill();
            String rto = "RTO " + duration(drill.rto());
            if (!drill.passed()) {
                return "drill failed: " + drill.failureReason() + " (restore took " + duration(drill.restoreTime())
                        + ", " + rto + ")";
            }
            return "drill passed: restored in " + duration(drill.restoreTime()) + " ("
                    + (drill.withinRto() ? rto : rto + " exceeded") + ")";
        }
        if (run.failure() != null) {
            return "failed at " + run.failure().failedStep() + ": " + run.failure().reason()
                    + (run.failure().primaryFenced() ? " (old primary fenced)" : " (old primary not fenced)");
        }
        if (run.run() == null) {
            return null;
        }
        if (AWAITING_APPROVAL.equals(run.run().status())) {
            return "awaiting approval" + currentStep(run).map(step -> " of " + step.id()).orElse("");
        }
        String outcome = run.run().outcome();
        return outcome == null || outcome.isBlank() ? null : outcome;
    }

    /**
     * The step a run stands at: the one running, else the one waiting for approval, else the one that failed.
     *
     * @param run the run
     * @return the step, or empty before the first and after the last
     */
    public static Optional<DrRunStep> currentStep(DrRun run) {
        if (run.run() == null) {
            return Optional.empty();
        }
        Optional<DrRunStep> running = first(run, "RUNNING");
        if (running.isPresent()) {
            return running;
        }
        if (AWAITING_APPROVAL.equals(run.run().status())) {
            return run.run().steps().stream().filter(s -> "PENDING".equals(s.status()) && s.needsApproval())
                    .findFirst().or(() -> first(run, "PENDING"));
        }
        return first(run, "FAILED");
    }

    /**
     * Formats a duration for the timeline: {@code 2.1 s} under ten seconds, {@code 14 s}, {@code 15 m},
     * {@code 1 h 5 m}.
     *
     * @param duration the duration
     * @return the text, {@code ?} for null
     */
    public static String duration(Duration duration) {
        if (duration == null) {
            return "?";
        }
        long millis = duration.toMillis();
        if (millis < 10_000) {
            return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
        }
        long seconds = duration.toSeconds();
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3600) {
            return seconds / 60 + " m" + (seconds % 60 == 0 ? "" : " " + seconds % 60 + " s");
        }
        long minutes = seconds / 60 % 60;
        return seconds / 3600 + " h" + (minutes == 0 ? "" : " " + minutes + " m");
    }

    private static String loss(FailoverResult failover) {
        if (failover.dataLossBytes() != null) {
            return "~" + bytes(failover.dataLossBytes()) + " lost";
        }
        if (failover.dataLoss() != null) {
            return "~" + duration(failover.dataLoss()) + " of writes lost";
        }
        return "data loss unknown";
    }

    private static String bytes(long bytes) {
        if (bytes < 1024) {
            return bytes + " bytes";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }

    private static Optional<DrRunStep> first(DrRun run, String status) {
        return run.run().steps().stream().filter(s -> status.equals(s.status())).findFirst();
    }
}
