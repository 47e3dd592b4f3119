package io.lifeboat.catalog.domain.plan;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * How a target is restored to a point in time, how close that gets, and how long it is expected to take.
 *
 * @param targetId id of the target
 * @param requestedPoint instant asked for, or null for the latest restorable point
 * @param feasible false when no restorable backup lies at or before the point
 * @param exact true when the restore reaches the point itself
 * @param reachesAt instant the restore reaches, or null when infeasible
 * @param dataLoss time between what the restore reaches and the point, zero when exact, null when infeasible
 * @param steps backups to restore, base first; empty when infeasible
 * @param log archived log to replay, or null when the backup alone reaches the point
 * @param estimate expected duration, or null when infeasible
 * @param rto the policy's recovery time objective, or null without a policy
 * @param withinRto whether the estimate fits the RTO (false when infeasible), or null without a policy
 * @param reason why the plan is not exact or not feasible, null when exact
 */
public record RestorePlan(String targetId, Instant requestedPoint, boolean feasible, boolean exact,
        Instant reachesAt, Duration dataLoss, List<PlanStep> steps, LogReplay log, RtoEstimate estimate,
        Duration rto, Boolean withinRto, String reason) {

    /**
     * Copies the steps.
     */
    public RestorePlan {
        steps = List.copyOf(steps);
    }
}
