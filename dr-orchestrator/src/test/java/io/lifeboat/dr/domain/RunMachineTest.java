package io.lifeboat.dr.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.lifeboat.events.dr.RestoreScenario;

class RunMachineTest {

    private static final Instant T0 = Instant.parse("2027-03-01T10:00:00Z");
    private final RunMachine machine = new RunMachine(RunSettings.defaults());

    @Test
    void refusesASecondRunWhileTheTargetHasAnActiveRun() {
        RunState first = started(failover("run-1", RunMode.AUTOMATIC, false, T0), TargetRuns.none());

        StartDecision second = machine.start(failover("run-2", RunMode.AUTOMATIC, false, T0.plusSeconds(5)),
                TargetRuns.none().with(first));

        assertThat(second.started()).isFalse();
        assertThat(second.refusal()).contains("target 'orders-db' already has active run 'run-1'",
                "one run per target");
    }

    @Test
    void returnsTheActiveRunWhenTheSameRequestIsRedelivered() {
        RunState first = started(failover("run-1", RunMode.AUTOMATIC, false, T0), TargetRuns.none());

        StartDecision again = machine.start(failover("run-1", RunMode.AUTOMATIC, false, T0.plusSeconds(5)),
                TargetRuns.none().with(first));

        assertThat(again.state()).isEqualTo(first);
    }

    @Test
    void refusesAFailoverInsideTheHoldDownAndAllowsItAfterwards() {
        RunState first = completeFailover(claimed(started(failover("run-1", RunMode.AUTOMATIC, false, T0),
                TargetRuns.none())));
        TargetRuns history = TargetRuns.none().with(first);
        Instant fencedAt = first.step("fence-primary").orElseThrow().finishedAt();

        StartDecision tooSoon = machine.start(failover("run-2", RunMode.AUTOMATIC, false,
                fencedAt.plus(Duration.ofMinutes(29))), history);
        StartDecision later = machine.start(failover("run-3", RunMode.AUTOMATIC, false,
                fencedAt.plus(Duration.ofMinutes(30))), history);

        assertThat(history.lastFailoverAt()).isEqualTo(fencedAt);
        assertThat(tooSoon.started()).isFalse();
        assertThat(tooSoon.refusal()).contains("target 'orders-db' failed over at " + fencedAt, "PT30M hold-down");
        assertThat(later.started()).isTrue();
    }

    @Test
    void startsADrillInsideTheHoldDownAfterAFailover() {
        RunState first = completeFailover(claimed(started(failover("run-1", RunMode.AUTOMATIC, false, T0),
                TargetRuns.none())));

        StartDecision drill = machine.start(new RunRequest("drill-1", "orders-db", Runbooks.drill(),
                RunMode.AUTOMATIC, false, "scheduler", "monthly drill", T0.plusSeconds(60)),
                TargetRuns.none().with(first));

        assertThat(drill.started()).isTrue();
    }

    @Test
    void waitsForAnApprovalInManualModeAndRecordsTheApprover() {
        RunState state = claimed(started(failover("run-1", RunMode.MANUAL, false, T0), TargetRuns.none()));

        NextStep waiting = machine.nextStep(state);
        Transition approved = machine.approve(state, "alice", T0.plusSeconds(60));

        assertThat(state.status()).isEqualTo(RunStatus.AWAITING_APPROVAL);
        assertThat(waiting.action()).isEqualTo(NextStep.Action.AWAIT_APPROVAL);
        assertThat(waiting.step().id()).isEqualTo("check-quorum");
        assertThat(approved.state().approvals())
                .containsExactly(new Approval("alice", T0.plusSeconds(60), "check-quorum"));
        assertThat(approved.state().audit().approvalChain()).extracting(Approval::approverId).containsExactly("alice");
        assertThat(machine.nextStep(approved.state()).action()).isEqualTo(NextStep.Action.EXECUTE);
    }

    @Test
    void waitsForAnApprovalBeforeTheCutoverOfAnAutomaticRestore() {
        RunState state = claimed(started(new RunRequest("run-1", "orders-db",
                Runbooks.restoreToNewInstance(RestoreScenario.DATA_LOSS), RunMode.RESTORE_ONLY, false, "bob",
                "rows deleted", T0), TargetRuns.none()));
        for (String step : new String[]{"choose-recovery-point", "restore-into-new-instance", "await-restore",
                "verify-restore",
                "report"}) {
            state = run(state, step);
        }

        assertThat(state.status()).isEqualTo(RunStatus.AWAITING_APPROVAL);
        assertThat(machine.nextStep(state).reason()).contains("step 'cutover' always needs an approval");
        assertThat(machine.stepStarted(state, report(state, "cutover")).applied()).isFalse();
    }

    @Test
    void executesNothingInADryRunAndReportsEveryStepSkipped() {
        RunState state = started(failover("run-1", RunMode.MANUAL, true, T0), TargetRuns.none());

        assertThat(state.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(state.steps()).extracting(StepState::status).containsOnly(StepStatus.SKIPPED);
        assertThat(state.steps()).extracting(StepState::attempts).containsOnly(0);
        assertThat(state.steps().get(0).note()).isEqualTo("dry run; would wait for an approval");
        assertThat(state.steps().get(1).note()).isEqualTo("dry run");
        assertThat(machine.nextStep(state).action()).isEqualTo(NextStep.Action.DONE);
        assertThat(TargetRuns.none().with(state).lastFailoverAt()).isNull();
    }

    @Test
    void resumesAtPromoteAndNeverRepeatsAPromotionWhenKilledBetweenFenceAndPromote() {
        RunState beforeKill = claimed(started(failover("run-1", RunMode.AUTOMATIC, false, T0), TargetRuns.none()));
        for (String step : new String[]{"check-quorum", "check-standby", "fence-primary"}) {
            beforeKill = run(beforeKill, step);
        }
        // Another instance reads the stored state and takes the run over.
        RunState resumed = machine.claim(beforeKill, "orchestrator-b", T0.plusSeconds(120)).state();

        NextStep next = machine.nextStep(resumed);
        RunState promoted = run(resumed, "promote-standby");

        assertThat(next.step().id()).isEqualTo("promote-standby");
        assertThat(next.attempt()).isEqualTo(1);
        assertThat(machine.nextStep(promoted).step().id()).isEqualTo("verify-writable");
        assertThat(machine.stepStarted(promoted, report(promoted, "promote-standby")).applied()).isFalse();
        assertThat(machine.stepDone(promoted, report(promoted, "promote-standby")).rejection())
                .contains("step 'promote-standby' is DONE, not RUNNING");
        assertThat(promoted.step("promote-standby").orElseThrow().attempts()).isEqualTo(1);
    }

    @Test
    void executesAStepAgainWhenKilledWhileItRan() {
        RunState state = claimed(started(failover("run-1", RunMode.AUTOMATIC, false, T0), TargetRuns.none()));
        state = machine.stepStarted(state, report(state, "check-quorum")).state();
        RunState resumed = machine.claim(state, "orchestrator-b", T0.plusSeconds(60)).state();

        NextStep next = machine.nextStep(resumed);

        assertThat(next.step().id()).isEqualTo("check-quorum");
        assertThat(next.attempt()).isEqualTo(2);
        assertThat(next.reason()).contains("interrupted while running");
    }

    @Test
    void rejectsAStepReportOfAZombieInstanceWithAnOlderEpoch() {
        RunState state = claimed(started(failover("run-1", RunMode.AUTOMATIC, false, T0), TargetRuns.none()));
        state = machine.stepStarted(state, report(state, "check-quorum")).state();
        StepReport zombie = report(state, "check-quorum");
        RunState takenOver = machine.claim(state, "orchestrator-b", T0.plusSeconds(60)).state();

        Transition result = machine.stepDone(takenOver, zombie);

        assertThat(takenOver.epoch()).isEqualTo(2);
        assertThat(result.applied()).isFalse();
        assertThat(result.state()).isEqualTo(takenOver);
        assertThat(result.rejection()).contains("from epoch 1 rejected", "at epoch 2, owned by 'orchestrator-b'");
    }

    @Test
    void retriesARetryableFailureThenFailsTheRunNamingTheStep() {
        RunState state = claimed(started(failover("run-1", RunMode.AUTOMATIC, false, T0), TargetRuns.none()));
        state = run(state, "check-quorum");
        for (int attempt = 1; attempt <= 2; attempt++) {
            state = machine.stepStarted(state, report(state, "check-standby")).state();
            state = machine.stepFailed(state, report(state, "check-standby"), true).state();
            assertThat(state.status()).isEqualTo(RunStatus.RUNNING);
            assertThat(machine.nextStep(state).attempt()).isEqualTo(attempt + 1);
        }
        state = machine.stepStarted(state, report(state, "check-standby")).state();

        RunState failed = machine.stepFailed(state, report(state, "check-standby"), true).state();

        assertThat(failed.status()).isEqualTo(RunStatus.FAILED);
        assertThat(failed.step("check-standby").orElseThrow().status()).isEqualTo(StepStatus.FAILED);
        assertThat(failed.outcome()).contains("failed at step 'check-standby' (2 of 8) after 3 attempt(s)",
                "check-standby went wrong");
        assertThat(failed.done("fence-primary")).isFalse();
        assertThat(machine.nextStep(failed).action()).isEqualTo(NextStep.Action.DONE);
    }

    @Test
    void failsAtOnceOnAnErrorThatIsNotRetryable() {
        RunState state = claimed(started(failover("run-1", RunMode.AUTOMATIC, false, T0), TargetRuns.none()));
        state = machine.stepStarted(state, report(state, "check-quorum")).state();

        RunState failed = machine.stepFailed(state, report(state, "check-quorum"), false).state();

        assertThat(failed.status()).isEqualTo(RunStatus.FAILED);
        assertThat(failed.outcome()).contains("after 1 attempt(s), error not retryable");
    }

    @Test
    void cancelsARunAndIgnoresTheReportOfItsRunningStep() {
        RunState state = claimed(started(failover("run-1", RunMode.AUTOMATIC, false, T0), TargetRuns.none()));
        state = machine.stepStarted(state, report(state, "check-quorum")).state();

        RunState cancelled = machine.cancel(state, "alice", "false alarm", T0.plusSeconds(30)).state();

        assertThat(cancelled.status()).isEqualTo(RunStatus.CANCELLED);
        assertThat(cancelled.audit().outcome()).isEqualTo("cancelled by 'alice': false alarm");
        assertThat(cancelled.audit().who()).isEqualTo("monitor-quorum");
        assertThat(machine.stepDone(cancelled, report(cancelled, "check-quorum")).applied()).isFalse();
    }

    @Test
    void completesAfterEveryStepAndKeepsTheTrail() {
        RunState state = completeFailover(claimed(started(failover("run-1", RunMode.AUTOMATIC, false, T0),
                TargetRuns.none())));

        assertThat(state.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(state.outcome()).isEqualTo("completed: all 8 steps done");
        assertThat(state.trail()).extracting(AuditEntry::action).startsWith("requested", "claimed", "step-started",
                "step-done").endsWith("completed");
    }

    @Test
    void skipsAStartedStepAndCompletesTheRunWhenItWasTheLast() {
        RunState state = claimed(started(failover("run-1", RunMode.AUTOMATIC, false, T0), TargetRuns.none()));
        for (StepDefinition step : Runbooks.postgresPrimaryFailure().steps()) {
            Transition started = machine.stepStarted(state, report(state, step.id()));
            state = step.id().equals("follow-new-timeline")
                    ? machine.stepSkipped(started.state(), report(started.state(), step.id())).state()
                    : machine.stepDone(started.state(), report(started.state(), step.id())).state();
        }

        assertThat(state.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(state.step("follow-new-timeline").orElseThrow().status()).isEqualTo(StepStatus.SKIPPED);
        assertThat(state.trail()).extracting(AuditEntry::action).contains("step-skipped");
    }

    @Test
    void rejectsSkippingAStepThatWasNotStarted() {
        RunState state = claimed(started(failover("run-1", RunMode.AUTOMATIC, false, T0), TargetRuns.none()));

        Transition skipped = machine.stepSkipped(state, report(state, "check-quorum"));

        assertThat(skipped.applied()).isFalse();
        assertThat(skipped.rejection()).contains("step 'check-quorum' is PENDING, not RUNNING");
    }

    @Test
    void notesALineInTheTrailOfAFinishedRunWithoutChangingItsStatus() {
        RunState done = completeFailover(claimed(started(failover("run-1", RunMode.AUTOMATIC, false, T0),
                TargetRuns.none())));

        RunState noted = machine.note(done, "orchestrator-a", "fenced-on-return", "pg-a came back writable",
                T0.plusSeconds(600));

        assertThat(noted.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(noted.trail().get(noted.trail().size() - 1)).isEqualTo(new AuditEntry(T0.plusSeconds(600),
                "orchestrator-a", "fenced-on-return", "pg-a came back writable"));
    }

    private RunState started(RunRequest request, TargetRuns history) {
        StartDecision decision = machine.start(request, history);
        assertThat(decision.refusal()).isNull();
        return decision.state();
    }

    private RunState claimed(RunState state) {
        return machine.claim(state, "orchestrator-a", state.updatedAt()).state();
    }

    private RunState completeFailover(RunState state) {
        for (StepDefinition step : Runbooks.postgresPrimaryFailure().steps()) {
            state = run(state, step.id());
        }
        return state;
    }

    private RunState run(RunState state, String stepId) {
        Transition started = machine.stepStarted(state, report(state, stepId));
        assertThat(started.rejection()).isNull();
        Transition done = machine.stepDone(started.state(), report(started.state(), stepId));
        assertThat(done.rejection()).isNull();
        return done.state();
    }

    private static StepReport report(RunState state, String stepId) {
        Instant at = state.updatedAt().plusSeconds(1);
        return new StepReport(stepId, state.epoch(), at, stepId + " went wrong");
    }

    private static RunRequest failover(String runId, RunMode mode, boolean dryRun, Instant at) {
        return new RunRequest(runId, "orders-db", Runbooks.postgresPrimaryFailure(), mode, dryRun, "monitor-quorum",
                "3 of 3 monitors report UNHEALTHY", at);
    }
}
