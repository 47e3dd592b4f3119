package io.lifeboat.scheduler.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.lifeboat.events.policy.MisfireHandling;

/**
 * Finds the slots of one schedule of one target that are due now, with the target's stagger offset and the policy's
 * misfire handling applied.
 *
 * <p>
 * A slot T fires at T + offset, the offset being the target's fixed place in a window of
 * {@code min(staggerWindow, gap to the next slot / 2)}: a frequent schedule is never pushed into its next slot. A due
 * slot is late when it fires more than the grace after its time (the scheduler was down or a task moved); late slots
 * are handled by the misfire policy, a slot on time always fires.
 */
public final class DueSlots {

    /** The most missed slots counted for a report; more are reported as "at least". */
    static final int COUNT_LIMIT = 10_000;

    private DueSlots() {
    }

    /**
     * What is due for one schedule at {@code now}.
     *
     * @param fire slots to issue now, oldest first
     * @param missed number of slots in {@code (lastSlot, handledUpTo]} neither issued nor covered by an issued run
     *        (SKIP, or FIRE_ALL beyond its cap); at most {@link #COUNT_LIMIT}
     * @param newestMissed the newest of those slots, or null
     * @param handledUpTo the newest slot handled; the schedule's position after this decision, or null when nothing is
     *        due
     */
    public record Due(List<Instant> fire, int missed, Instant newestMissed, Instant handledUpTo) {

        static final Due NOTHING = new Due(List.of(), 0, null, null);

        /**
         * Tells whether anything was decided.
         *
         * @return true when at least one slot is due
         */
        public boolean any() {
            return handledUpTo != null;
        }
    }

    /**
     * Decides which slots of a schedule fire now.
     *
     * @param schedule the schedule
     * @param targetId the target, for its stagger offset
     * @param window the configured stagger window
     * @param lastSlot newest slot already handled
     * @param now the current instant
     * @param handling the policy's misfire handling
     * @param cap the FIRE_ALL cap
     * @param grace how late a slot may fire and still be on time
     * @return the decision
     */
    public static Due find(PolicySchedule schedule, String targetId, Duration window, Instant lastSlot, Instant now,
            MisfireHandling handling, int cap, Duration grace) {
        CronSchedule cron = schedule.cron();
        Optional<Instant> newest = cron.previous(now);
        if (newest.isPresent() && fireTime(schedule, targetId, window, newest.get()).isAfter(now)) {
            // Still inside its stagger delay; the slot before it fired at the latest half a gap after its time.
            newest = cron.previous(newest.get().minusNanos(1));
        }
        if (newest.isEmpty() || !newest.get().isAfter(lastSlot)) {
            return Due.NOTHING;
        }
        Instant cutoff = newest.get();
        boolean onTime = !now.isAfter(fireTime(schedule, targetId, window, cutoff).plus(grace));
        MisfireHandling applied = handling == MisfireHandling.SKIP && onTime ? MisfireHandling.FIRE_ONCE : handling;
        List<Instant> fire = Misfires.due(cron, lastSlot, cutoff, applied, cap);
        int missed = 0;
        Instant newestMissed = null;
        if (handling != MisfireHandling.FIRE_ONCE) {
            List<Instant> all = cron.between(lastSlot, cutoff, COUNT_LIMIT);
            List<Instant> notFired = all.stream().filter(slot -> !fire.contains(slot)).toList();
            missed = notFired.size();
            newestMissed = notFired.isEmpty() ? null : notFired.get(notFired.size() - 1);
        }
        return new Due(fire, missed, newestMissed, cutoff);
    }

    /**
     * The instant the next slot after {@code lastSlot} fires, stagger included.
     *
     * @param schedule the schedule
     * @param targetId the target
     * @param window the configured stagger window
     * @param lastSlot newest slot already handled
     * @return the instant, or empty when the schedule never fires again
     */
    public static Optional<Instant> nextFire(PolicySchedule schedule, String targetId, Duration window,
            Instant lastSlot) {
        return schedule.cron().next(lastSlot).map(slot -> fireTime(schedule, targetId, window, slot));
    }

    /**
     * The instant slot {@code slot} fires for {@code targetId}.
     *
     * @param schedule the schedule
     * @param targetId the target
     * @param window the configured stagger window
     * @param slot the scheduled time
     * @return the slot plus the target's offset
     */
    public static Instant fireTime(PolicySchedule schedule, String targetId, Duration window, Instant slot) {
        if (window.isZero()) {
            return slot;
        }
        Duration effective = schedule.cron().next(slot).map(next -> Duration.between(slot, next).dividedBy(2))
                .filter(half -> half.compareTo(window) < 0).orElse(window);
        return slot.plus(Stagger.offset(targetId, schedule.key(), effective));
    }

    /**
     * The gap between a slot and the next one, which bounds how long a command for the slot stays valid.
     *
     * @param schedule the schedule
     * @param slot the scheduled time
     * @param fallback the gap when the schedule never fires again
     * @return the gap
     */
    public static Duration gapAfter(PolicySchedule schedule, Instant slot, Duration fallback) {
        return schedule.cron().next(slot).map(next -> Duration.between(slot, next)).orElse(fallback);
    }
}
