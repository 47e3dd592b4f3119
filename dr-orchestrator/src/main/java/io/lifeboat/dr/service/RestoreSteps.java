package io.lifeboat.dr.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.lifeboat.dr.config.DrSettings;
import io.lifeboat.dr.config.TargetSettings;
import io.lifeboat.dr.domain.DataCheck;
import io.lifeboat.dr.domain.RecoveryPoint;
import io.lifeboat.dr.domain.RecoveryPoints;
import io.lifeboat.dr.domain.RunState;
import io.lifeboat.dr.domain.Runbooks;
import io.lifeboat.dr.postgres.DataChecks;
import io.lifeboat.dr.postgres.PgEndpoint;
import io.lifeboat.events.LifeboatMessage;
import io.lifeboat.events.backup.RestoreCompleted;
import io.lifeboat.events.backup.RestoreFailed;
import io.lifeboat.events.dr.RestoreScenario;

/**
 * Executes the steps of the {@code restore-*} runbooks: choose the recovery point from the catalog, ask the
 * target's agent to restore into a new instance, wait for it, check the instance, report, and - once a person
 * approved it - record the cut-over. The damaged instance is never touched.
 */
final class RestoreSteps implements StepExecutor {

    private final DrSettings settings;
    private final Inbox inbox;
    private final AgentRestores restores;
    private final Clock clock;

    RestoreSteps(DrSettings settings, Inbox inbox, Clock clock) {
        this.settings = settings;
        this.inbox = inbox;
        this.restores = new AgentRestores(settings, inbox, clock);
        this.clock = clock;
    }

    @Override
    public StepOutcome execute(TargetSettings target, RunState run, String stepId, String primary) {
        try {
            return switch (stepId) {
                case Runbooks.CHOOSE_RECOVERY_POINT -> choose(run);
                case Runbooks.RESTORE_INTO_NEW_INSTANCE -> restore(target, run);
                case Runbooks.AWAIT_RESTORE -> await(run);
                case Runbooks.VERIFY_RESTORE -> verify(target, run, primary);
                case Runbooks.REPORT -> report(target, run, primary);
                case Runbooks.CUTOVER -> cutover(target, run, primary);
                default -> StepOutcome.failed("run '" + run.runId() + "': step '" + stepId + "' is unknown to this "
                        + "orchestrator", false);
            };
        } catch (AgentRestores.RestoreTimedOut e) {
            return StepOutcome.failed(e.getMessage(), false);
        } catch (IllegalArgumentException | IllegalStateException e) {
            return StepOutcome.failed(e.getMessage(), false);
        }
    }

    private StepOutcome choose(RunState run) {
        RestoreScenario scenario = RestoreScenario.valueOf(run.parameter(RunParameters.SCENARIO).orElseThrow(
                () -> new IllegalStateException("run '" + run.runId() + "' has no scenario parameter")));
        Instant point = run.parameter(RunParameters.POINT_IN_TIME).map(Instant::parse).orElse(run.startedAt());
        RecoveryPoint chosen = RecoveryPoints.forRestore(scenario, point,
                run.parameter(RunParameters.BACKUP_ID).orElse(null), inbox.backups(run.targetId()));
        if (!chosen.chosen()) {
            return StepOutcome.failed("target '" + run.targetId() + "': " + chosen.refusal(), false);
        }
        return StepOutcome.done(AgentRestores.note(chosen));
    }

    private StepOutcome restore(TargetSettings target, RunState run) {
        String destination = run.parameter(RunParameters.DESTINATION)
                .or(() -> target.restores().restoreDestinationOf(run.runId()))
                .orElseThrow(() -> new IllegalArgumentException("target '" + target.id() + "': no destination for "
                        + "the new instance; give StartRestore.destination or configure lifeboat.dr.targets."
                        + target.id() + ".restore-destination"));
        return AgentRestores.published(restores.command(run, Runbooks.CHOOSE_RECOVERY_POINT, destination));
    }

    private StepOutcome await(RunState run) {
        Optional<LifeboatMessage> outcome = restores.outcome(run, Runbooks.RESTORE_INTO_NEW_INSTANCE);
        if (outcome.isEmpty()) {
            return StepOutcome.waiting("restore '" + AgentRestores.commandId(run) + "' is with the agent");
        }
        if (outcome.get() instanceof RestoreFailed failed) {
            return StepOutcome.failed(AgentRestores.failedReason(failed), false);
        }
        return StepOutcome.done(AgentRestores.completedNote((RestoreCompleted) outcome.get()));
    }

    private StepOutcome verify(TargetSettings target, RunState run, String primary) {
        PgEndpoint instance = AgentRestores.instance(target, destination(run), primary);
        List<DataCheck> checks = new DataChecks().run(instance, target.restores().checks(), settings.stepTimeout());
        Instant restoredTo = RunNotes.value(run, Runbooks.AWAIT_RESTORE, AgentRestores.RESTORED_TO)
                .map(Instant::parse).orElseThrow();
        Optional<Instant> wanted = RunNotes.value(run, Runbooks.CHOOSE_RECOVERY_POINT, AgentRestores.REPLAY_TO)
                .filter(at -> !at.equals("none")).map(Instant::parse);
        if (wanted.isPresent() && restoredTo.isAfter(wanted.get())) {
            checks = new java.util.ArrayList<>(checks);
            checks.add(new DataCheck("recovery-point", false, "restored to " + restoredTo + ", after the requested "
                    + wanted.get()));
        }
        String summary = summary(checks) + wanted.map(at -> "; last replayed commit at " + restoredTo + ", "
                + Duration.between(restoredTo, at) + " before the requested " + at).orElse("");
        boolean passed = checks.stream().allMatch(DataCheck::passed);
        // The instance may still be starting up; a few attempts before the run fails.
        return passed ? StepOutcome.done(summary) : StepOutcome.failed(summary, true);
    }

    private StepOutcome report(TargetSettings target, RunState run, String primary) {
        PgEndpoint instance = AgentRestores.instance(target, destination(run), primary);
        String backup = RunNotes.value(run, Runbooks.AWAIT_RESTORE, AgentRestores.BACKUP).orElse("?");
        String restoredTo = RunNotes.value(run, Runbooks.AWAIT_RESTORE, AgentRestores.RESTORED_TO).orElse("?");
        String took = RunNotes.value(run, Runbooks.AWAIT_RESTORE, AgentRestores.RESTORE_TIME).orElse("?");
        return StepOutcome.done("restored backup '" + backup + "' of target '" + run.targetId() + "' to "
                + restoredTo + " into " + instance.jdbcUrl() + " for '" + run.requestedBy() + "'; the agent took "
                + took + ", the run " + Duration.between(run.startedAt(), clock.instant()) + "; the damaged "
                + "instance is untouched; the cut-over waits for an approval");
    }

    private StepOutcome cutover(TargetSettings target, RunState run, String primary) {
        PgEndpoint instance = AgentRestores.instance(target, destination(run), primary);
        String approver = run.approvals().isEmpty()
                ? "?"
                : run.approvals().get(run.approvals().size() - 1)
                        .approverId();
        return StepOutcome.done("clients of target '" + run.targetId() + "' switch to " + instance.jdbcUrl()
                + " (approved by '" + approver + "'); the damaged member '" + primary + "' is kept for forensics");
    }

    private static String destination(RunState run) {
        return RunNotes.value(run, Runbooks.RESTORE_INTO_NEW_INSTANCE, AgentRestores.DESTINATION).orElseThrow(
                () -> new IllegalStateException("run '" + run.runId() + "': restore-into-new-instance recorded no "
                        + "destination"));
    }

    static String summary(List<DataCheck> checks) {
        long failed = checks.stream().filter(check -> !check.passed()).count();
        StringBuilder text = new StringBuilder(failed == 0
                ? "all " + checks.size() + " data checks passed"
                : failed + " of " + checks.size() + " data checks failed");
        for (DataCheck check : checks) {
            text.append(", ").append(check.name()).append(check.passed() ? " ok" : " FAILED").append(" (")
                    .append(check.detail()).append(')');
        }
        return text.toString();
    }
}
