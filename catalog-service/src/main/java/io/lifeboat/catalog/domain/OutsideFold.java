package io.lifeboat.catalog.domain;

import io.lifeboat.events.dr.DrillCompleted;
import io.lifeboat.events.dr.FailoverCompleted;
import io.lifeboat.events.dr.FailoverFailed;
import io.lifeboat.events.dr.FailoverStepCompleted;
import io.lifeboat.events.health.HealthStatus;
import io.lifeboat.events.health.TargetBecameUnhealthy;
import io.lifeboat.events.health.TargetHealthReported;
import io.lifeboat.events.health.TargetRecovered;

/**
 * Folds the facts other services publish about a target (health changes, failovers, drills) into its state, so that
 * the dashboard shows them beside the target's backups.
 */
public final class OutsideFold {

    private OutsideFold() {
    }

    /**
     * The health monitor declared the target down.
     *
     * @param state the target
     * @param fact the outage
     * @return whether the state changed
     */
    public static boolean unhealthy(TargetState state, TargetBecameUnhealthy fact) {
        TargetHealth health = state.getHealth();
        if (health != null && health.since().isAfter(fact.detectedAt())) {
            return false;
        }
        String detail = fact.probe() + " on " + fact.instance() + ": " + fact.error();
        state.setHealth(new TargetHealth(false, fact.detectedAt(), detail));
        state.setEngine(fact.engine());
        TargetFold.note(state, new TargetNote(fact.detectedAt(), "TargetBecameUnhealthy", NoteSeverity.CRITICAL,
                detail + " (" + fact.consecutiveFailures() + " failed probes)"));
        return true;
    }

    /**
     * The health monitor declared the target up again.
     *
     * @param state the target
     * @param fact the recovery
     * @return whether the state changed
     */
    public static boolean recovered(TargetState state, TargetRecovered fact) {
        TargetHealth health = state.getHealth();
        if (health != null && health.since().isAfter(fact.recoveredAt())) {
            return false;
        }
        state.setHealth(new TargetHealth(true, fact.recoveredAt(), null));
        TargetFold.note(state, new TargetNote(fact.recoveredAt(), "TargetRecovered", NoteSeverity.INFO,
                fact.instance() + " answers " + fact.probe() + " again after " + Durations.human(fact.downtime())));
        return true;
    }

    /**
     * A monitor's report of a round: only a known target whose health the catalog does not know yet takes it (as
     * healthy when the monitor found it so), since changes arrive as their own facts and a report comes every round;
     * a report alone does not add a target (a monitor may watch hosts that are nobody's backup target).
     *
     * @param state the target
     * @param fact the report
     * @return whether the state changed
     */
    public static boolean reported(TargetState state, TargetHealthReported fact) {
        if (state.getEngine() == null || state.getHealth() != null || fact.status() != HealthStatus.HEALTHY) {
            return false;
        }
        state.setHealth(new TargetHealth(true, fact.reportedAt(), null));
        return true;
    }

    /**
     * A failover step completed.
     *
     * @param state the target
     * @param fact the step
     * @return whether the state changed
     */
    public static boolean failoverStep(TargetState state, FailoverStepCompleted fact) {
        return TargetFold.note(state, new TargetNote(fact.completedAt(), "FailoverStepCompleted", NoteSeverity.WARNING,
                "failover " + fact.failoverId() + " step " + fact.stepIndex() + "/" + fact.stepCount() + " "
                        + fact.stepName() + " done after " + Durations.human(fact.elapsed())));
    }

    /**
     * A failover completed.
     *
     * @param state the target
     * @param fact the outcome
     * @return whether the state changed
     */
    public static boolean failoverCompleted(TargetState state, FailoverCompleted fact) {
        return TargetFold.note(state, new TargetNote(fact.completedAt(), "FailoverCompleted", NoteSeverity.WARNING,
                "failover " + fact.failoverId() + ": " + fact.fencedPrimary() + " fenced, " + fact.newPrimary()
                        + " promoted in " + Durations.human(fact.recoveryTime()) + " (RTO "
                        + Durations.human(fact.rto()) + ")"));
    }

    /**
     * A failover failed.
     *
     * @param state the target
     * @param fact the outcome
     * @return whether the state changed
     */
    public static boolean failoverFailed(TargetState state, FailoverFailed fact) {
        return TargetFold.note(state, new TargetNote(fact.failedAt(), "FailoverFailed", NoteSeverity.CRITICAL,
                "failover " + fact.failoverId() + " failed at " + fact.failedStep() + ": " + fact.reason()
                        + (fact.primaryFenced() ? " (old primary fenced)" : " (old primary not fenced)")));
    }

    /**
     * A drill completed.
     *
     * @param state the target
     * @param fact the outcome
     * @return whether the state changed
     */
    public static boolean drillCompleted(TargetState state, DrillCompleted fact) {
        String outcome = fact.passed() ? "passed" : "failed: " + fact.failureReason();
        return TargetFold.note(state, new TargetNote(fact.completedAt(), "DrillCompleted",
                fact.passed() ? NoteSeverity.INFO : NoteSeverity.CRITICAL, "drill of '" + fact.backupId() + "' "
                        + outcome + " (restore " + Durations.human(fact.restoreTime()) + ", RTO "
                        + Durations.human(fact.rto()) + ")"));
    }
}
