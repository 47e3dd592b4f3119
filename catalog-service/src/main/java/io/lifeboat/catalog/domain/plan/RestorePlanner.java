package io.lifeboat.catalog.domain.plan;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import io.lifeboat.catalog.domain.Chains;
import io.lifeboat.catalog.domain.TargetState;
import io.lifeboat.events.catalog.CatalogEntry;
import io.lifeboat.events.policy.PolicyDefined;

/**
 * Plans the restore of a target to a point in time: the backup chain to apply, the archived log to replay, how close
 * the restore gets to the point, and an RTO estimate with the retrieval delay of cold storage classes.
 *
 * <p>
 * The plan starts from the newest restorable backup consistent at or before the point. With log gaps an older
 * backup may occasionally roll forward further than that one; the planner does not search for it, so the plan's
 * data loss is that of the newest base, which is what an operator restoring "the backup before T" gets.
 */
public final class RestorePlanner {

    private static final Comparator<CatalogEntry> NEWEST_FIRST = Comparator.comparing(CatalogEntry::consistentAt)
            .reversed().thenComparing(CatalogEntry::backupId);

    private final RestoreEstimates estimates;

    /**
     * Creates a planner.
     *
     * @param estimates figures the RTO estimate rests on
     */
    public RestorePlanner(RestoreEstimates estimates) {
        if (estimates == null) {
            throw new IllegalArgumentException("RestorePlanner needs RestoreEstimates, got null");
        }
        this.estimates = estimates;
    }

    /**
     * Plans a restore.
     *
     * @param state the target
     * @param chains the target's entries
     * @param pointInTime instant to restore to, or null for the latest restorable point
     * @return the plan; infeasible when no restorable backup lies at or before the point
     */
    public RestorePlan plan(TargetState state, Chains chains, Instant pointInTime) {
        RestorableWindow window = RestorableWindows.of(state, chains);
        Instant point = pointInTime != null ? pointInTime : window.latest();
        if (point == null) {
            return infeasible(state, pointInTime, "target " + state.getTargetId() + " has no restorable backup");
        }
        Optional<CatalogEntry> base = RestorableWindows.restorable(chains).stream()
                .filter(entry -> !entry.consistentAt().isAfter(point)).min(NEWEST_FIRST);
        if (base.isEmpty()) {
            return infeasible(state, pointInTime, "no restorable backup of target " + state.getTargetId()
                    + " is consistent at or before " + point + "; the earliest restorable point is "
                    + window.earliest());
        }
        return feasible(state, chains, pointInTime, point, base.get());
    }

    private RestorePlan feasible(TargetState state, Chains chains, Instant requested, Instant point,
            CatalogEntry base) {
        RollForward reach = RollForward.of(state, base);
        boolean exact = point.equals(base.consistentAt()) || (reach.replays() && !reach.cap().isBefore(point));
        Instant reachesAt = exact ? point : reach.cap();
        LogReplay log = reachesAt.isAfter(base.consistentAt())
                ? new LogReplay(base.endPosition(), base.consistentAt(), reachesAt)
                : null;
        List<PlanStep> steps = chains.chain(base).orElseThrow().stream().map(this::step).toList();
        RtoEstimate estimate = RtoEstimate.of(retrieval(steps), transfer(state, steps), replay(log));
        PolicyDefined policy = state.getPolicy();
        Duration rto = policy == null ? null : policy.rto();
        Boolean withinRto = rto == null ? null : estimate.total().compareTo(rto) <= 0;
        String reason = exact
                ? null
                : "cannot reach " + point + " from backup " + base.backupId() + " consistent at "
                        + base.consistentAt() + ": " + reach.limit();
        return new RestorePlan(state.getTargetId(), requested, true, exact, reachesAt,
                Duration.between(reachesAt, point), steps, log, estimate, rto, withinRto, reason);
    }

    private RestorePlan infeasible(TargetState state, Instant requested, String reason) {
        PolicyDefined policy = state.getPolicy();
        return new RestorePlan(state.getTargetId(), requested, false, false, null, null, List.of(), null, null,
                policy == null ? null : policy.rto(), policy == null ? null : Boolean.FALSE, reason);
    }

    private PlanStep step(CatalogEntry entry) {
        String storageClass = StorageClasses.colder(entry.storageClass(), entry.dueStorageClass());
        long bytes = entry.rawBytes() != null
                ? entry.rawBytes()
                : entry.storedBytes() != null ? entry.storedBytes() : 0L;
        return new PlanStep(entry.backupId(), entry.backupType(), entry.consistentAt(), storageClass,
                estimates.retrievalDelay(storageClass), bytes);
    }

    // Restores of cold artifacts are requested together, so the steps wait for the slowest one, not for the sum.
    private static Duration retrieval(List<PlanStep> steps) {
        return steps.stream().map(PlanStep::retrievalDelay).max(Comparator.naturalOrder()).orElse(Duration.ZERO);
    }

    private Duration transfer(TargetState state, List<PlanStep> steps) {
        long bytes = steps.stream().mapToLong(PlanStep::bytes).sum();
        Double measured = state.getRestoreBytesPerSecond();
        double rate = measured != null && measured > 0 ? measured : estimates.defaultRestoreBytesPerSecond();
        return Duration.ofMillis(Math.round(bytes / rate * 1000));
    }

    private Duration replay(LogReplay log) {
        if (log == null) {
            return Duration.ZERO;
        }
        long logMillis = Duration.between(log.from(), log.to()).toMillis();
        return Duration.ofMillis(Math.round(logMillis * estimates.logReplayRatio()));
    }
}
