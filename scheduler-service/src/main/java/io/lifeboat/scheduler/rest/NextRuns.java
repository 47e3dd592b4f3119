package io.lifeboat.scheduler.rest;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.lifeboat.events.backup.BackupType;
import io.lifeboat.events.policy.PolicyDefined;
import io.lifeboat.events.schedule.ScheduledCommand;
import io.lifeboat.scheduler.config.SchedulerConfig;
import io.lifeboat.scheduler.domain.DueSlots;
import io.lifeboat.scheduler.domain.PolicySchedule;
import io.lifeboat.scheduler.domain.RunIds;

/**
 * When each schedule of a policy runs next: the slot, the instant it fires with the target's stagger offset, and the
 * command id it will carry.
 */
@ApplicationScoped
public class NextRuns {

    private final Duration defaultWindow;

    NextRuns(SchedulerConfig config) {
        this.defaultWindow = config.staggerWindow();
    }

    /**
     * One upcoming run.
     *
     * @param scheduledFor the slot
     * @param firesAt the slot plus the target's stagger offset
     * @param commandId the command id the run will carry
     */
    public record Run(Instant scheduledFor, Instant firesAt, String commandId) {
    }

    /**
     * The upcoming runs of one schedule.
     *
     * @param schedule key of the schedule
     * @param command kind of command it issues
     * @param backupType kind of backup, for a backup schedule
     * @param runs the next runs, oldest first
     */
    public record ScheduleRuns(String schedule, ScheduledCommand command, BackupType backupType, List<Run> runs) {
    }

    /**
     * Computes the next runs of every schedule of a policy.
     *
     * @param policy the policy
     * @param after instant after which runs are listed
     * @param count runs per schedule
     * @return one entry per schedule
     */
    public List<ScheduleRuns> of(PolicyDefined policy, Instant after, int count) {
        Duration configured = policy.schedulingOrDefault().staggerWindow();
        Duration window = configured == null ? defaultWindow : configured;
        List<ScheduleRuns> all = new ArrayList<>();
        for (PolicySchedule schedule : PolicySchedule.of(policy)) {
            List<Run> runs = new ArrayList<>();
            Optional<Instant> slot = schedule.cron().next(after);
            while (slot.isPresent() && runs.size() < count) {
                Instant at = slot.get();
                runs.add(new Run(at, DueSlots.fireTime(schedule, policy.targetId(), window, at),
                        RunIds.of(policy.targetId(), schedule.key(), at)));
                slot = schedule.cron().next(at);
            }
            all.add(new ScheduleRuns(schedule.key(), schedule.command(), schedule.backupType(), runs));
        }
        return all;
    }
}
