package io.lifeboat.dr.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import io.lifeboat.dr.config.DrSettings;
import io.lifeboat.dr.config.TargetSettings;
import io.lifeboat.dr.domain.DataCheck;
import io.lifeboat.dr.domain.DrillVerdict;
import io.lifeboat.dr.domain.RecoveryPoint;
import io.lifeboat.dr.domain.RecoveryPoints;
import io.lifeboat.dr.domain.RunState;
import io.lifeboat.dr.domain.Runbooks;
import io.lifeboat.dr.domain.StepState;
import io.lifeboat.dr.postgres.DataChecks;
import io.lifeboat.events.LifeboatMessage;
import io.lifeboat.events.backup.RestoreCompleted;
import io.lifeboat.events.backup.RestoreFailed;
import io.lifeboat.events.dr.DrillCompleted;

/**
 * Executes the steps of the {@code drill} runbook: pick the backup, have the agent restore it into a scratch
 * instance it removes again after {@code drill-keep}, check the data there, and publish {@code DrillCompleted} with
 * the restore time measured against the RTO. A failed restore or check is the drill's verdict, not the run's
 * failure: the run completes and the fact says why the drill failed.
 */
final class DrillSteps implements StepExecutor {

    private static final String CHECKS = "checks";
    private static final String FAILED = "failed";
    private static final String NONE = "none";

    private final DrSettings settings;
    private final Inbox inbox;
    private final AgentRestores restores;
    private final Clock clock;

    DrillSteps(DrSettings settings, Inbox inbox, Clock clock) {
        this.settings = settings;
        this.inbox = inbox;
        this.restores = new AgentRestores(settings, inbox, clock);
        this.clock = clock;
    }

    @Override
    public StepOutcome execute(TargetSettings target, RunState run, String stepId, String primary) {
        try {
            return switch (stepId) {
                case Runbooks.PICK_BACKUP -> pick(run);
                case Runbooks.RESTORE_INTO_SCRATCH -> restore(target, run);
                case Runbooks.AWAIT_RESTORE -> await(run);
                case Runbooks.CHECK_DATA -> check(target, run, primary);
                case Runbooks.REPORT -> report(target, run);
                case Runbooks.CLEAN_UP -> cleanUp(target, run);
                default -> StepOutcome.failed("run '" + run.runId() + "': step '" + stepId + "' is unknown to this "
                        + "orchestrator", false);
            };
        } catch (IllegalArgumentException | IllegalStateException e) {
            return StepOutcome.failed(e.getMessage(), false);
        }
    }

    private StepOutcome pick(RunState run) {
        RecoveryPoint chosen = RecoveryPoints.forDrill(run.parameter(RunParameters.BACKUP_ID).orElse(null),
                run.parameter(RunParameters.POINT_IN_TIME).map(Instant::parse).orElse(null),
                inbox.backups(run.targetId()));
        if (!chosen.chosen()) {
            return StepOutcome.failed("target '" + run.targetId() + "': " + chosen.refusal(), false);
        }
        return StepOutcome.done(AgentRestores.note(chosen));
    }

    private StepOutcome restore(TargetSettings target, RunState run) {
        String destination = target.restores().drillDestinationOf(run.runId()).orElseThrow(
                () -> new IllegalArgumentException("target '" + target.id() + "' has no scratch destination for "
                        + "drills: configure lifeboat.dr.targets." + target.id() + ".drill-destination"));
        return AgentRestores.published(restores.command(run, Runbooks.PICK_BACKUP, destination));
    }

    private StepOutcome await(RunState run) {
        Optional<LifeboatMessage> outcome;
        try {
            outcome = restores.outcome(run, Runbooks.RESTORE_INTO_SCRATCH);
        } catch (AgentRestores.RestoreTimedOut e) {
            return StepOutcome.done(RunNotes.fact(AgentRestores.RESTORE, "timed-out") + "; " + e.getMessage());
        }
        if (outcome.isEmpty()) {
            return StepOutcome.waiting("restore '" + AgentRestores.commandId(run) + "' is with the agent");
        }
        if (outcome.get() instanceof RestoreFailed failed) {
            return StepOutcome.done(RunNotes.fact(AgentRestores.RESTORE, FAILED) + "; "
                    + AgentRestores.failedReason(failed));
        }
        return StepOutcome.done(AgentRestores.completedNote((RestoreCompleted) outcome.get()));
    }

    private StepOutcome check(TargetSettings target, RunState run, String primary) {
        if (!restored(run)) {
            return StepOutcome.skipped("no scratch instance to check: the restore did not complete");
        }
        String destination = RunNotes.value(run, Runbooks.RESTORE_INTO_SCRATCH, AgentRestores.DESTINATION)
                .orElseThrow();
        List<DataCheck> checks = new DataChecks().run(AgentRestores.instance(target, destination, primary),
                target.restores().checks(), settings.stepTimeout());
        boolean answered = checks.get(0).passed();
        int attempts = run.step(Runbooks.CHECK_DATA).map(StepState::attempts).orElse(1);
        if (!answered && attempts < settings.runSettings().maxAttempts()) {
            return StepOutcome.failed(RestoreSteps.summary(checks), true);
        }
        List<String> failed = checks.stream().filter(c -> !c.passed()).map(DataCheck::name).toList();
        return StepOutcome.done(RunNotes.fact(CHECKS, String.valueOf(checks.size())) + "; "
                + RunNotes.fact(FAILED, failed.isEmpty() ? NONE : String.join(",", failed)) + "; "
                + RestoreSteps.summary(checks));
    }

    private StepOutcome report(TargetSettings target, RunState run) {
        Instant now = clock.instant();
        Duration rto = target.rto().or(() -> inbox.policy(target.id()).map(policy -> policy.rto()))
                .orElse(Duration.ofHours(1));
        String commandId = RunParameters.commandId(run);
        String backup = RunNotes.value(run, Runbooks.AWAIT_RESTORE, AgentRestores.BACKUP)
                .or(() -> RunNotes.value(run, Runbooks.PICK_BACKUP, AgentRestores.BACKUP)).orElse("unknown");
        if (!restored(run)) {
            Instant asked = run.step(Runbooks.RESTORE_INTO_SCRATCH).map(StepState::finishedAt).orElse(now);
            Instant ended = run.step(Runbooks.AWAIT_RESTORE).map(StepState::finishedAt).orElse(now);
            String why = run.step(Runbooks.AWAIT_RESTORE).map(StepState::note).orElse("the restore did not complete");
            DrillCompleted fact = new DrillCompleted(commandId, run.targetId(), backup, false,
                    Duration.between(asked, ended), rto, "restore_failed: " + why, run.startedAt(), now, null, null);
            return StepOutcome.done("drill failed: " + fact.failureReason(), fact);
        }
        Duration restoreTime = Duration.parse(RunNotes.value(run, Runbooks.AWAIT_RESTORE, AgentRestores.RESTORE_TIME)
                .orElseThrow());
        Instant restoredTo = Instant.parse(RunNotes.value(run, Runbooks.AWAIT_RESTORE, AgentRestores.RESTORED_TO)
                .orElseThrow());
        DrillVerdict verdict = DrillVerdict.judge(restoreTime, rto, checks(run), restoredTo, run.startedAt());
        DrillCompleted fact = verdict.toFact(commandId, run.targetId(), backup, run.startedAt(), now, restoredTo);
        return StepOutcome.done((verdict.passed() ? "drill passed: " : "drill failed: ") + verdict.reason(), fact);
    }

    private StepOutcome cleanUp(TargetSettings target, RunState run) {
        if (!restored(run)) {
            return StepOutcome.skipped("no scratch instance was left: the restore did not complete");
        }
        String destination = RunNotes.value(run, Runbooks.RESTORE_INTO_SCRATCH, AgentRestores.DESTINATION)
                .orElseThrow();
        Instant removal = run.step(Runbooks.AWAIT_RESTORE).map(StepState::finishedAt).orElse(clock.instant())
                .plus(target.restores().drillKeep());
        return StepOutcome.done("the agent stops and removes the scratch instance " + destination + " about "
                + removal + " (drill-keep " + target.restores().drillKeep() + " after its restore)");
    }

    private static boolean restored(RunState run) {
        return RunNotes.value(run, Runbooks.AWAIT_RESTORE, AgentRestores.RESTORE).map("completed"::equals)
                .orElse(false);
    }

    /** The checks as check-data recorded them: every failed one by name, the passed ones counted. */
    private static List<DataCheck> checks(RunState run) {
        int total = RunNotes.value(run, Runbooks.CHECK_DATA, CHECKS).map(Integer::parseInt).orElse(0);
        List<String> failed = RunNotes.value(run, Runbooks.CHECK_DATA, FAILED).filter(names -> !names.equals(NONE))
                .map(names -> Arrays.asList(names.split(","))).orElse(List.of());
        List<DataCheck> checks = new ArrayList<>();
        failed.forEach(name -> checks.add(new DataCheck(name, false, "see step check-data")));
        for (int i = failed.size(); i < total; i++) {
            checks.add(new DataCheck("passed-" + (i + 1), true, null));
        }
        return checks;
    }
}
