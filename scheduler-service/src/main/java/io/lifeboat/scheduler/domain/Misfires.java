package io.lifeboat.scheduler.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import io.lifeboat.events.policy.MisfireHandling;

/**
 * Decides which scheduled times to fire now, given the last time fired and a misfire policy.
 */
public final class Misfires {

    private Misfires() {
    }

    /**
     * The scheduled times in {@code (lastFired, now]} to fire now under {@code policy}, oldest first, possibly empty.
     *
     * <p>
     * The walk goes backwards from {@code now}, so a long outage of a frequent schedule costs at most {@code cap}
     * steps rather than one per missed time.
     *
     * @param cap the most runs {@link MisfireHandling#FIRE_ALL} returns (the newest ones); must be positive for it
     * @throws IllegalArgumentException when {@code FIRE_ALL} is given a cap below 1
     */
    public static List<Instant> due(CronSchedule schedule, Instant lastFired, Instant now, MisfireHandling policy,
            int cap) {
        Objects.requireNonNull(schedule, "Misfires.due: schedule");
        Objects.requireNonNull(lastFired, "Misfires.due: lastFired");
        Objects.requireNonNull(now, "Misfires.due: now");
        Objects.requireNonNull(policy, "Misfires.due: policy");
        if (policy == MisfireHandling.FIRE_ALL && cap < 1) {
            throw new IllegalArgumentException("Misfires.due: FIRE_ALL cap " + cap + " must be at least 1");
        }
        if (!now.isAfter(lastFired)) {
            return List.of();
        }
        return switch (policy) {
            case SKIP -> List.of();
            case FIRE_ONCE -> newest(schedule, lastFired, now, 1);
            case FIRE_ALL -> newest(schedule, lastFired, now, cap);
        };
    }

    private static List<Instant> newest(CronSchedule schedule, Instant lastFired, Instant now, int count) {
        List<Instant> times = new ArrayList<>(Math.min(count, 64));
        Optional<Instant> previous = schedule.previous(now);
        while (times.size() < count && previous.isPresent() && previous.get().isAfter(lastFired)) {
            times.add(previous.get());
            previous = schedule.previous(previous.get().minusNanos(1));
        }
        Collections.reverse(times);
        return List.copyOf(times);
    }
}
