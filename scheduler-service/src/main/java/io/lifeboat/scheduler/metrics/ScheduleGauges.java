package io.lifeboat.scheduler.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.lifeboat.events.metrics.GaugeReading;
import io.lifeboat.events.policy.PolicyDefined;
import io.lifeboat.scheduler.domain.DueSlots;
import io.lifeboat.scheduler.domain.PolicySchedule;
import io.lifeboat.scheduler.domain.TargetSchedule;
import io.micrometer.core.instrument.Tags;

/**
 * The rows of the schedule gauges, per target and schedule: the newest slot the scheduler has handled (issued or
 * skipped) and the instant the slot after it is due, stagger included. A scheduler that keeps up has that instant
 * in the future or a tick in the past; one that stopped lets it fall behind the clock.
 *
 * @param lastSlot per schedule, epoch seconds of the newest slot handled
 * @param nextRun per schedule, epoch seconds the next slot is due
 */
public record ScheduleGauges(List<GaugeReading> lastSlot, List<GaugeReading> nextRun) {

    /**
     * Reads the rows off the targets' schedule states; a schedule not handled yet has none.
     *
     * @param states the state of every target in this instance's stores
     * @param defaultWindow the stagger window of a policy that sets none
     * @return the gauges' rows
     */
    public static ScheduleGauges of(Iterable<TargetSchedule> states, Duration defaultWindow) {
        List<GaugeReading> last = new ArrayList<>();
        List<GaugeReading> next = new ArrayList<>();
        for (TargetSchedule state : states) {
            PolicyDefined policy = state.getPolicy();
            if (policy == null) {
                continue;
            }
            Duration configured = policy.schedulingOrDefault().staggerWindow();
            Duration window = configured == null ? defaultWindow : configured;
            for (PolicySchedule schedule : PolicySchedule.of(policy)) {
                Instant handled = state.getLastSlots().get(schedule.key());
                if (handled == null) {
                    continue;
                }
                Tags tags = Tags.of("target", policy.targetId(), "schedule", schedule.key(), "command",
                        schedule.command().name().toLowerCase(Locale.ROOT));
                last.add(new GaugeReading(tags, seconds(handled)));
                schedule.cron().next(handled).ifPresent(slot -> next.add(new GaugeReading(tags,
                        seconds(DueSlots.fireTime(schedule, policy.targetId(), window, slot)))));
            }
        }
        return new ScheduleGauges(last, next);
    }

    private static double seconds(Instant instant) {
        return instant.toEpochMilli() / 1000.0;
    }
}
