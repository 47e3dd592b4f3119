package io.lifeboat.scheduler.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.UUID;

import io.lifeboat.events.Command;
import io.lifeboat.events.backup.RunBackup;
import io.lifeboat.events.backup.VerifyBackup;
import io.lifeboat.events.dr.StartDrill;
import io.lifeboat.events.policy.MisfireHandling;
import io.lifeboat.events.policy.PolicyDefined;
import io.lifeboat.events.policy.Scheduling;
import io.lifeboat.events.schedule.RunSkipped;

/**
 * Turns a target's due slots into commands: a backup unless one is still running, a verification of a random backup
 * of the last 24 hours, a drill; and records every slot it does not run, with the reason.
 */
public final class RunPlanner {

    private static final Duration NO_NEXT_SLOT = Duration.ofDays(1);

    private final PlannerSettings settings;
    private final ScheduleCache schedules = new ScheduleCache();

    /**
     * Creates a planner.
     *
     * @param settings the scheduler's knobs
     */
    public RunPlanner(PlannerSettings settings) {
        this.settings = settings;
    }

    /**
     * Decides what is due for a target at {@code now} and moves its schedule positions past it.
     *
     * @param state the target's state, updated in place
     * @param now the current instant
     * @return commands to issue and runs skipped; empty when nothing is due or the target has no policy
     */
    public Plan plan(TargetSchedule state, Instant now) {
        PolicyDefined policy = state.getPolicy();
        if (policy == null) {
            return new Plan(List.of(), List.of());
        }
        Scheduling scheduling = policy.schedulingOrDefault();
        Duration window = window(scheduling);
        List<Command> commands = new ArrayList<>();
        List<RunSkipped> skipped = new ArrayList<>();
        for (PolicySchedule schedule : schedules.of(policy)) {
            Instant last = state.getLastSlots().getOrDefault(schedule.key(), now);
            DueSlots.Due due = DueSlots.find(schedule, policy.targetId(), window, last, now,
                    scheduling.misfireOrDefault(), scheduling.misfireCapOrDefault(), settings.misfireGrace());
            if (!due.any()) {
                continue;
            }
            if (due.missed() > 0) {
                skipped.add(missed(policy, schedule, due, now));
            }
            for (Instant slot : due.fire()) {
                Duration gap = DueSlots.gapAfter(schedule, slot, NO_NEXT_SLOT);
                String commandId = RunIds.of(policy.targetId(), schedule.key(), slot);
                Instant deadline = now.plus(gap);
                switch (schedule.command()) {
                    case RUN_BACKUP -> backup(state, schedule, slot, commandId, deadline, now, commands, skipped);
                    case VERIFY_BACKUP -> verify(state, schedule, slot, commandId, deadline, now, commands, skipped);
                    case START_DRILL -> commands.add(new StartDrill(commandId, policy.targetId(), null, null,
                            settings.requestedBy(), deadline, 1));
                }
            }
            state.getLastSlots().put(schedule.key(), due.handledUpTo());
        }
        if (!commands.isEmpty() || !skipped.isEmpty()) {
            state.setUpdatedAt(now);
        }
        return new Plan(commands, skipped);
    }

    /**
     * The earliest instant one of the target's schedules fires, so a caller can leave the target alone until then.
     *
     * @param state the target's state
     * @param now the current instant, the position of a schedule without one
     * @return the instant, or empty when the target has no policy or no schedule fires again
     */
    public Optional<Instant> nextWakeUp(TargetSchedule state, Instant now) {
        PolicyDefined policy = state.getPolicy();
        if (policy == null) {
            return Optional.empty();
        }
        Duration window = window(policy.schedulingOrDefault());
        return schedules.of(policy).stream()
                .map(schedule -> DueSlots.nextFire(schedule, policy.targetId(), window,
                        state.getLastSlots().getOrDefault(schedule.key(), now)))
                .flatMap(Optional::stream).min(Comparator.naturalOrder());
    }

    private void backup(TargetSchedule state, PolicySchedule schedule, Instant slot, String commandId,
            Instant deadline, Instant now, List<Command> commands, List<RunSkipped> skipped) {
        PolicyDefined policy = state.getPolicy();
        state.getInFlight().values().removeIf(running -> !running.blocksAt(now, settings.staleAfter()));
        Optional<InFlight> blocking = state.getInFlight().values().stream()
                .filter(running -> !running.commandId().equals(commandId)).findFirst();
        if (blocking.isPresent()) {
            InFlight running = blocking.get();
            String reason = running.started()
                    ? "the previous backup of " + policy.targetId() + " (" + running.backupId() + ", command "
                            + running.commandId() + ", started " + running.since() + ") is still running"
                    : "the previous backup of " + policy.targetId() + " (command " + running.commandId() + ", issued "
                            + running.since() + ") has not started yet; it may start until " + running.deadline();
            skipped.add(new RunSkipped(policy.targetId(), schedule.key(), schedule.command(), schedule.backupType(),
                    commandId, slot, reason, running.commandId(), now));
            return;
        }
        commands.add(new RunBackup(commandId, policy.targetId(), policy.engine(), schedule.backupType(),
                settings.requestedBy(), slot, deadline, 1));
        state.getInFlight().putIfAbsent(commandId,
                new InFlight(commandId, null, schedule.backupType(), now, deadline, now));
    }

    private void verify(TargetSchedule state, PolicySchedule schedule, Instant slot, String commandId,
            Instant deadline, Instant now, List<Command> commands, List<RunSkipped> skipped) {
        PolicyDefined policy = state.getPolicy();
        Instant since = now.minus(settings.verifyLookback());
        List<RecentBackup> candidates = state.getRecent().stream().filter(b -> !b.completedAt().isBefore(since))
                .sorted(Comparator.comparing(RecentBackup::backupId)).toList();
        if (candidates.isEmpty()) {
            skipped.add(new RunSkipped(policy.targetId(), schedule.key(), schedule.command(), null, commandId, slot,
                    "no backup of " + policy.targetId() + " completed in the last "
                            + settings.verifyLookback().toHours() + " h to verify",
                    null, now));
            return;
        }
        // Seeded by the run id: a replayed decision picks the same backup, different slots pick at random.
        long seed = UUID.fromString(commandId).getLeastSignificantBits();
        RecentBackup chosen = candidates.get(new SplittableRandom(seed).nextInt(candidates.size()));
        commands.add(new VerifyBackup(commandId, policy.targetId(), policy.engine(), chosen.backupId(),
                settings.requestedBy(), deadline, 1));
    }

    private RunSkipped missed(PolicyDefined policy, PolicySchedule schedule, DueSlots.Due due, Instant now) {
        String count = due.missed() >= DueSlots.COUNT_LIMIT ? "at least " + due.missed() : String.valueOf(due.missed());
        String reason = count + " run(s) up to " + due.newestMissed() + " missed while the scheduler was not running;"
                + " misfire policy " + policy.schedulingOrDefault().misfireOrDefault()
                + (policy.schedulingOrDefault().misfireOrDefault() == MisfireHandling.SKIP
                        ? " skips them"
                        : " issues only the newest " + policy.schedulingOrDefault().misfireCapOrDefault());
        return new RunSkipped(policy.targetId(), schedule.key(), schedule.command(), schedule.backupType(),
                RunIds.of(policy.targetId(), schedule.key(), due.newestMissed()), due.newestMissed(), reason, null,
                now);
    }

    private Duration window(Scheduling scheduling) {
        return scheduling.staggerWindow() == null ? settings.staggerWindow() : scheduling.staggerWindow();
    }
}
