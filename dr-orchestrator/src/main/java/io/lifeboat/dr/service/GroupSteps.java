package io.lifeboat.dr.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.lifeboat.dr.config.DrSettings;
import io.lifeboat.dr.config.GroupSettings;
import io.lifeboat.dr.config.TargetSettings;
import io.lifeboat.dr.domain.RecoveryPoint;
import io.lifeboat.dr.domain.RecoveryPoints;
import io.lifeboat.dr.domain.RunState;
import io.lifeboat.dr.domain.Runbooks;
import io.lifeboat.dr.domain.StepState;
import io.lifeboat.events.LifeboatMessage;
import io.lifeboat.events.backup.RestoreBackup;
import io.lifeboat.events.backup.RestoreCompleted;
import io.lifeboat.events.backup.RestoreFailed;
import io.lifeboat.events.dr.RestoreScenario;

/**
 * Executes a complete-failure run of a recovery group (the run's target id is the group id): per dependency layer,
 * one {@code RestoreBackup} per target to its engine's agent, all published in one transaction, then a wait until
 * every one of them is restored; a failed target fails the run before any target that depends on it starts.
 */
final class GroupSteps implements StepExecutor {

    private final DrSettings settings;
    private final Inbox inbox;
    private final Clock clock;

    GroupSteps(DrSettings settings, Inbox inbox, Clock clock) {
        this.settings = settings;
        this.inbox = inbox;
        this.clock = clock;
    }

    @Override
    public StepOutcome execute(TargetSettings holder, RunState run, String stepId, String primary) {
        GroupSettings group = settings.groups().get(run.targetId());
        if (group == null) {
            return StepOutcome.failed("run '" + run.runId() + "': no recovery group '" + run.targetId() + "' is "
                    + "configured under lifeboat.dr.groups", false);
        }
        if (stepId.startsWith(Runbooks.RESTORE_LAYER)) {
            return restore(group, run, layer(group, stepId, Runbooks.RESTORE_LAYER));
        }
        if (stepId.startsWith(Runbooks.AWAIT_LAYER)) {
            return await(run, layer(group, stepId, Runbooks.AWAIT_LAYER), stepId.replace(Runbooks.AWAIT_LAYER,
                    Runbooks.RESTORE_LAYER));
        }
        if (stepId.equals(Runbooks.REPORT)) {
            List<String> restored = group.targets().keySet().stream().map(target -> outcome(run, target)
                    .map(o -> target + " " + summary(o)).orElse(target + " unknown")).toList();
            return StepOutcome.done("group '" + group.id() + "' restored for '" + run.requestedBy() + "' in "
                    + Duration.between(run.startedAt(), clock.instant()) + ": " + String.join("; ", restored));
        }
        return StepOutcome.failed("run '" + run.runId() + "': step '" + stepId + "' is unknown to this orchestrator",
                false);
    }

    private StepOutcome restore(GroupSettings group, RunState run, List<String> layer) {
        List<RestoreBackup> commands = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (String id : layer) {
            GroupSettings.Target target = group.targets().get(id);
            RecoveryPoint point = RecoveryPoints.forRestore(RestoreScenario.COMPLETE_FAILURE, null, null,
                    inbox.backups(id));
            if (!point.chosen() && !target.recoverToLatest()) {
                return StepOutcome.failed("target '" + id + "' of group '" + group.id() + "': " + point.refusal(),
                        false);
            }
            RestoreBackup command = new RestoreBackup(commandId(run, id), id, target.engine(), point.backupId(),
                    null, null, null, null, target.recoverToLatest() ? Boolean.TRUE : null, null,
                    target.destinationOf(run.runId()), false, run.requestedBy(),
                    clock.instant().plus(settings.restoreTimeout()), 1);
            commands.add(command);
            notes.add(id + " (" + target.engine().id() + ") from " + (point.backupId() == null
                    ? "the agent's newest backup"
                    : "backup '" + point.backupId() + "'")
                    + (target.recoverToLatest()
                            ? " to the newest archived point"
                            : "")
                    + " into " + command.destination());
        }
        return StepOutcome.done("asked for " + String.join("; ", notes), commands.toArray(LifeboatMessage[]::new));
    }

    private StepOutcome await(RunState run, List<String> layer, String restoreStep) {
        List<String> pending = new ArrayList<>();
        List<String> done = new ArrayList<>();
        for (String id : layer) {
            Optional<LifeboatMessage> outcome = outcome(run, id);
            if (outcome.isEmpty()) {
                pending.add(id);
            } else if (outcome.get() instanceof RestoreFailed failed) {
                return StepOutcome.failed("target '" + id + "': " + AgentRestores.failedReason(failed)
                        + "; the targets that depend on it are not restored", false);
            } else {
                done.add(id + " " + summary(outcome.get()));
            }
        }
        if (pending.isEmpty()) {
            return StepOutcome.done(String.join("; ", done));
        }
        Instant asked = run.step(restoreStep).map(StepState::finishedAt).orElse(run.startedAt());
        Duration waited = Duration.between(asked, clock.instant());
        if (waited.compareTo(settings.restoreTimeout()) > 0) {
            return StepOutcome.failed("no outcome from the agents of " + pending + " " + waited + " after asking "
                    + "(lifeboat.dr.restore-timeout " + settings.restoreTimeout() + ")", false);
        }
        return StepOutcome.waiting("waiting for " + pending + (done.isEmpty() ? "" : "; done: " + done));
    }

    private Optional<LifeboatMessage> outcome(RunState run, String targetId) {
        return inbox.restoreOutcome(commandId(run, targetId));
    }

    private static String summary(LifeboatMessage outcome) {
        if (outcome instanceof RestoreCompleted completed) {
            return "restored to " + completed.restoredTo() + " from '" + completed.backupId() + "' in "
                    + Duration.between(completed.startedAt(), completed.completedAt());
        }
        return "failed: " + ((RestoreFailed) outcome).reason();
    }

    private static List<String> layer(GroupSettings group, String stepId, String prefix) {
        int number = Integer.parseInt(stepId.substring(prefix.length()));
        return group.group().layers().get(number - 1);
    }

    private static String commandId(RunState run, String targetId) {
        return run.runId() + "-" + targetId;
    }
}
