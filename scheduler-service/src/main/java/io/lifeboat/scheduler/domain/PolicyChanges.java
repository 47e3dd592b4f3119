package io.lifeboat.scheduler.domain;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import io.lifeboat.events.policy.PolicyDefined;

/**
 * Puts a new policy version in force, or takes a target out of protection, keeping the schedule positions that still
 * apply.
 */
public final class PolicyChanges {

    private PolicyChanges() {
    }

    /**
     * Puts {@code policy} in force unless it says the same as the policy already in force.
     *
     * <p>
     * A schedule the new version keeps (same kind, type and cron) keeps its position; a new schedule starts at
     * {@code now}, so a changed cron takes effect at its next time and does not count the times before the change as
     * missed.
     *
     * @param state the target's state
     * @param policy the validated new version
     * @param now the instant the version comes into force
     * @return true when the policy changed and must be published
     */
    public static boolean apply(TargetSchedule state, PolicyDefined policy, Instant now) {
        if (state.getPolicy() != null && sameContent(state.getPolicy(), policy)) {
            return false;
        }
        Map<String, Instant> slots = new LinkedHashMap<>();
        for (PolicySchedule schedule : PolicySchedule.of(policy)) {
            slots.put(schedule.key(), state.getLastSlots().getOrDefault(schedule.key(), now));
        }
        state.setPolicy(policy);
        state.setLastSlots(slots);
        state.setUpdatedAt(now);
        return true;
    }

    /**
     * Takes the target out of protection: nothing is scheduled for it any more.
     *
     * @param state the target's state
     * @param now the current instant
     * @return true when it had a policy
     */
    public static boolean remove(TargetSchedule state, Instant now) {
        if (state.getPolicy() == null) {
            return false;
        }
        state.setPolicy(null);
        state.getLastSlots().clear();
        state.setUpdatedAt(now);
        return true;
    }

    /**
     * Tells whether two versions say the same, ignoring who defined them, when and by which command.
     *
     * @param a one version
     * @param b another version
     * @return true when every rule is equal
     */
    public static boolean sameContent(PolicyDefined a, PolicyDefined b) {
        return a.targetId().equals(b.targetId()) && a.engine() == b.engine()
                && a.connectionRef().equals(b.connectionRef()) && a.tier() == b.tier()
                && a.schedules().equals(b.schedules()) && a.continuousArchiving() == b.continuousArchiving()
                && a.rpo().equals(b.rpo()) && a.rto().equals(b.rto()) && a.retention().equals(b.retention())
                && a.storageTiers().equals(b.storageTiers())
                && Objects.equals(a.verificationCron(), b.verificationCron())
                && Objects.equals(a.drillCron(), b.drillCron()) && Objects.equals(a.scheduling(), b.scheduling())
                && a.failoverMode() == b.failoverMode();
    }
}
