package io.lifeboat.dr.domain;

import java.time.Instant;
import java.util.List;

/**
 * The pure transitions of a run: start, next step, claim, step started / done / failed, approve and cancel; each
 * returns a new state or a decision and never executes anything.
 */
public final class RunMachine {

    private final RunSettings settings;

    /**
     * Creates a machine with the given limits.
     *
     * @param settings hold-down and attempts per step
     */
    public RunMachine(RunSettings settings) {
        this.settings = settings;
    }

    /**
     * Starts a run unless the target already has an active one or is inside its hold-down after a failover.
     *
     * @param request the requested run
     * @param history what is remembered of the target
     * @return the new run (already COMPLETED with every step SKIPPED for a dry run), the active run for a
     *         redelivered request, or a refusal with the reason
     */
    public StartDecision start(RunRequest request, TargetRuns history) {
        String target = request.targetId();
        RunState active = history.latest() != null && history.latest().active() ? history.latest() : null;
        if (active != null && active.runId().equals(request.runId())) {
            return StartDecision.started(active);
        }
        if (active != null) {
            return StartDecision.refused("target '" + target + "' already has active run '" + active.runId() + "' ("
                    + active.runbookId() + ", " + active.status() + "); one run per target");
        }
        Instant lastFailover = history.lastFailoverAt();
        boolean failover = request.runbook().kind() == RunbookKind.FAILOVER && !request.dryRun();
        if (failover && lastFailover != null && request.at().isBefore(lastFailover.plus(settings.holdDown()))) {
            return StartDecision.refused("target '" + target + "' failed over at " + lastFailover + " and is in its "
                    + settings.holdDown() + " hold-down until " + lastFailover.plus(settings.holdDown())
                    + "; another failover this soon is refused as flapping, an operator must look");
        }
        List<StepState> steps = request.runbook().steps().stream().map(StepState::pending).toList();
        RunState state = new RunState(request.runId(), target, request.runbook().id(), request.runbook().kind(),
                request.mode(), request.dryRun(), RunStatus.PENDING, steps, 0, null, request.requestedBy(),
                request.reason(), List.of(), request.at(), request.at(), null, null, List.of(), request.parameters())
                .logged(request.at(), request.requestedBy(), "requested", request.reason());
        return StartDecision.started(request.dryRun() ? reportOnly(state, request.at()) : settle(state, request.at()));
    }

    /**
     * Tells the executor what to do next; a step already DONE is never returned again.
     *
     * @param state the run
     * @return the step to execute (again, idempotently, when it was RUNNING at a crash), the step awaiting approval,
     *         or DONE
     */
    public NextStep nextStep(RunState state) {
        if (state.status().terminal()) {
            return new NextStep(NextStep.Action.DONE, null, -1, 0, state.epoch(),
                    "run '" + state.runId() + "' is " + state.status() + ": " + state.outcome());
        }
        int index = RunProgress.nextIndex(state);
        StepState step = state.steps().get(index);
        if (RunProgress.awaitsApproval(state, index)) {
            return new NextStep(NextStep.Action.AWAIT_APPROVAL, step.definition(), index, 0, state.epoch(),
                    RunProgress.whyApproval(state, index));
        }
        return new NextStep(NextStep.Action.EXECUTE, step.definition(), index, step.attempts() + 1, state.epoch(),
                step.status() == StepStatus.RUNNING
                        ? "resume step '" + step.id() + "', interrupted while running"
                        : "execute step '" + step.id() + "'");
    }

    /**
     * Lets an orchestrator instance take the run over, raising the fencing epoch so that reports of the previous
     * owner are rejected from now on.
     *
     * @param state the run
     * @param instanceId id of the instance taking over
     * @param at instant of the claim
     * @return the run at the next epoch owned by {@code instanceId}, or a rejection when the run is finished
     */
    public Transition claim(RunState state, String instanceId, Instant at) {
        if (state.status().terminal()) {
            return Transition.rejected(state,
                    "run '" + state.runId() + "' is " + state.status() + "; nothing to claim");
        }
        long epoch = state.epoch() + 1;
        return Transition.applied(state.withOwner(epoch, instanceId).logged(at, instanceId, "claimed",
                "epoch " + epoch + (state.owner() == null ? "" : ", taken over from '" + state.owner() + "'")));
    }

    /**
     * Records that the executor starts the next step; executing it again after a crash counts as another attempt.
     *
     * @param state the run
     * @param report the step and the epoch the executor holds
     * @return the run with the step RUNNING, or a rejection when the step is not the next or the epoch is stale
     */
    public Transition stepStarted(RunState state, StepReport report) {
        String stale = RunProgress.refuse(state, report);
        if (stale != null) {
            return Transition.rejected(state, stale);
        }
        NextStep next = nextStep(state);
        if (next.action() != NextStep.Action.EXECUTE || !next.step().id().equals(report.stepId())) {
            return Transition.rejected(state, "run '" + state.runId() + "': step '" + report.stepId()
                    + "' cannot start: " + next.reason());
        }
        int index = next.index();
        StepState started = state.steps().get(index).startedAgain(report.at());
        RunState changed = state.withStep(index, started).withStatus(RunStatus.RUNNING, null, null);
        return Transition.applied(changed.logged(report.at(), owner(state), "step-started",
                report.stepId() + " attempt " + started.attempts()));
    }

    /**
     * Records that a step finished; a repeated report of a step already DONE is rejected and changes nothing.
     *
     * @param state the run
     * @param report the step, the epoch it executed under and its result
     * @return the run with the step DONE (COMPLETED when it was the last), or a rejection
     */
    public Transition stepDone(RunState state, StepReport report) {
        String refusal = RunProgress.refuseUnlessRunning(state, report);
        if (refusal != null) {
            return Transition.rejected(state, refusal);
        }
        int index = state.indexOf(report.stepId());
        StepState step = state.steps().get(index);
        RunState changed = state.withStep(index, step.with(StepStatus.DONE, report.detail(), report.at()))
                .logged(report.at(), owner(state), "step-done", report.stepId() + ": " + report.detail());
        return Transition.applied(settle(changed, report.at()));
    }

    /**
     * Records that a started step was deliberately not executed, e.g. because another system owns it; the run
     * goes on as if it were done.
     *
     * @param state the run
     * @param report the step, the epoch it was started under and why it was skipped
     * @return the run with the step SKIPPED (COMPLETED when it was the last), or a rejection
     */
    public Transition stepSkipped(RunState state, StepReport report) {
        String refusal = RunProgress.refuseUnlessRunning(state, report);
        if (refusal != null) {
            return Transition.rejected(state, refusal);
        }
        int index = state.indexOf(report.stepId());
        StepState step = state.steps().get(index);
        RunState changed = state.withStep(index, step.with(StepStatus.SKIPPED, report.detail(), report.at()))
                .logged(report.at(), owner(state), "step-skipped", report.stepId() + ": " + report.detail());
        return Transition.applied(settle(changed, report.at()));
    }

    /**
     * Adds a line to a run's audit trail without changing its progress, e.g. a fenced member that came back
     * after the run finished.
     *
     * @param state the run, active or finished
     * @param actor who observed or did it
     * @param action what happened
     * @param detail the member concerned and what was done
     * @param at instant of the observation
     * @return the run with the line appended to its trail
     */
    public RunState note(RunState state, String actor, String action, String detail, Instant at) {
        return state.logged(at, actor, action, detail);
    }

    /**
     * Records that a step failed: a retryable error leaves it PENDING for another attempt until the attempts run
     * out; then, or for any other error, the step and the run fail.
     *
     * @param state the run
     * @param report the step, the epoch it executed under and the error
     * @param retryable whether executing the step again may succeed
     * @return the changed run, or a rejection
     */
    public Transition stepFailed(RunState state, StepReport report, boolean retryable) {
        String refusal = RunProgress.refuseUnlessRunning(state, report);
        if (refusal != null) {
            return Transition.rejected(state, refusal);
        }
        int index = state.indexOf(report.stepId());
        StepState step = state.steps().get(index);
        if (retryable && step.attempts() < settings.maxAttempts()) {
            return Transition.applied(state.withStep(index, step.with(StepStatus.PENDING, report.detail(), null))
                    .logged(report.at(), owner(state), "step-retry", report.stepId() + " attempt " + step.attempts()
                            + " of " + settings.maxAttempts() + " failed: " + report.detail()));
        }
        String outcome = "failed at step '" + report.stepId() + "' (" + (index + 1) + " of " + state.steps().size()
                + ") after " + step.attempts() + " attempt(s)" + (retryable ? "" : ", error not retryable") + ": "
                + report.detail();
        RunState failed = state.withStep(index, step.with(StepStatus.FAILED, report.detail(), report.at()))
                .withStatus(RunStatus.FAILED, outcome, report.at());
        return Transition.applied(failed.logged(report.at(), owner(state), "failed", outcome));
    }

    /**
     * Records a person's approval of the step the run waits for.
     *
     * @param state the run
     * @param approverId id of the user who approves
     * @param at instant of the approval
     * @return the run with the approval in its chain, or a rejection when it awaits no approval
     */
    public Transition approve(RunState state, String approverId, Instant at) {
        NextStep next = nextStep(state);
        if (next.action() != NextStep.Action.AWAIT_APPROVAL) {
            return Transition.rejected(state, "run '" + state.runId() + "' awaits no approval: " + next.reason());
        }
        RunState approved = state.withApproval(new Approval(approverId, at, next.step().id()))
                .logged(at, approverId, "approved", next.step().id());
        return Transition.applied(settle(approved, at));
    }

    /**
     * Stops a run before its next step; a step already running finishes, but its report is rejected.
     *
     * @param state the run
     * @param by user who cancels
     * @param reason why
     * @param at instant of the cancellation
     * @return the CANCELLED run, or a rejection when it already finished
     */
    public Transition cancel(RunState state, String by, String reason, Instant at) {
        if (state.status().terminal()) {
            return Transition.rejected(state, "run '" + state.runId() + "' is already " + state.status());
        }
        String outcome = "cancelled by '" + by + "': " + reason;
        return Transition
                .applied(state.withStatus(RunStatus.CANCELLED, outcome, at).logged(at, by, "cancelled", reason));
    }

    private static RunState settle(RunState state, Instant at) {
        if (RunProgress.allFinished(state)) {
            String outcome = "completed: all " + state.steps().size() + " steps done";
            return state.withStatus(RunStatus.COMPLETED, outcome, at).logged(at, owner(state), "completed", outcome);
        }
        int index = RunProgress.nextIndex(state);
        if (RunProgress.awaitsApproval(state, index)) {
            return state.withStatus(RunStatus.AWAITING_APPROVAL, null, null);
        }
        boolean anyStarted = state.steps().stream().anyMatch(step -> step.attempts() > 0);
        return state.withStatus(anyStarted ? RunStatus.RUNNING : RunStatus.PENDING, null, null);
    }

    private static RunState reportOnly(RunState state, Instant at) {
        RunState reported = state;
        for (int i = 0; i < state.steps().size(); i++) {
            StepState step = state.steps().get(i);
            String note = "dry run" + (RunProgress.needsApproval(state, i) ? "; would wait for an approval" : "");
            reported = reported.withStep(i, step.with(StepStatus.SKIPPED, note, at))
                    .logged(at, state.requestedBy(), "step-skipped", step.id() + ": " + note);
        }
        String outcome = "dry run: " + state.steps().size() + " steps reported, none executed";
        return reported.withStatus(RunStatus.COMPLETED, outcome, at).logged(at, state.requestedBy(), "completed",
                outcome);
    }

    private static String owner(RunState state) {
        return state.owner() == null ? "orchestrator" : state.owner();
    }
}
