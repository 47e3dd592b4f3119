package io.lifeboat.catalog.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.lifeboat.events.dr.DrApproval;
import io.lifeboat.events.dr.DrAuditEntry;
import io.lifeboat.events.dr.DrRunStep;
import io.lifeboat.events.dr.DrRunUpdated;
import io.lifeboat.events.dr.DrillCompleted;
import io.lifeboat.events.dr.FailoverCompleted;

/**
 * DR run states and outcomes as the orchestrator publishes them, with plausible values for everything a test does
 * not care about.
 */
public final class DrFacts {

    private DrFacts() {
    }

    /** The failover runbook's steps, all done between {@code start} and two seconds later. */
    public static List<DrRunStep> failoverStepsDone(Instant start) {
        return List.of(
                new DrRunStep("check-quorum", "confirm the primary is down", false, "DONE", 1, "3 of 3 agree",
                        start, start.plusMillis(300)),
                new DrRunStep("fence-primary", "fence the old primary", false, "DONE", 1, "fenced pg-a",
                        start.plusMillis(300), start.plusMillis(900)),
                new DrRunStep("promote-standby", "promote the standby", false, "DONE", 1, "promoted pg-b",
                        start.plusMillis(900), start.plusMillis(2100)));
    }

    /** A completed failover run of {@code targetId}. */
    public static DrRunUpdated failoverCompletedRun(String targetId, String runId, Instant start) {
        return run(targetId, runId, "FAILOVER", "COMPLETED", failoverStepsDone(start), List.of(), start,
                start.plusMillis(2100), start.plusMillis(2100), "promoted pg-b");
    }

    /** A drill run of {@code targetId} waiting for a person to approve its restore step. */
    public static DrRunUpdated drillAwaitingApproval(String targetId, String runId, Instant start) {
        List<DrRunStep> steps = List.of(
                new DrRunStep("pick-backup", "choose the backup to restore", false, "DONE", 1, "backup b-7",
                        start, start.plusSeconds(1)),
                new DrRunStep("restore-into-scratch", "restore into a scratch instance", true, "PENDING", 0, null,
                        null, null),
                new DrRunStep("check-data", "run the data checks", false, "PENDING", 0, null, null, null));
        return run(targetId, runId, "DRILL", "AWAITING_APPROVAL", steps, List.of(), start, start.plusSeconds(1),
                null, null);
    }

    /** A run state with every field a test does not name filled in. */
    public static DrRunUpdated run(String targetId, String runId, String kind, String status, List<DrRunStep> steps,
            List<DrApproval> approvals, Instant startedAt, Instant updatedAt, Instant finishedAt, String outcome) {
        return new DrRunUpdated(runId, targetId, "runbook-" + kind.toLowerCase(java.util.Locale.ROOT), kind,
                "MANUAL", false, status, steps, 1, "dr-1", "ops@example.com", "test", approvals, null, startedAt,
                updatedAt, finishedAt, outcome,
                List.of(new DrAuditEntry(startedAt, "ops@example.com", "started", "test")), Map.of());
    }

    /** The outcome of a failover that promoted pg-b in 2.1 s and lost nothing. */
    public static FailoverCompleted failoverCompleted(String targetId, String runId, Instant start) {
        return new FailoverCompleted(runId, "runbook-failover", targetId, null, "pg-a", "pg-b",
                Duration.ofMillis(2100), Duration.ofMinutes(15), start, start.plusMillis(2100), 0L,
                Duration.ZERO);
    }

    /** The outcome of a drill started by command {@code commandId} that restored in 14 s against a 15 m RTO. */
    public static DrillCompleted drillPassed(String targetId, String commandId, Instant start) {
        return new DrillCompleted(commandId, targetId, "b-7", true, Duration.ofSeconds(14), Duration.ofMinutes(15),
                null, start, start.plusSeconds(20));
    }
}
