package io.lifeboat.dr.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

import io.lifeboat.events.Require;

/**
 * The whole state of one run of a runbook against a target, stored as the latest value per target so that any
 * orchestrator instance can resume it; change it only through {@link RunMachine}.
 *
 * @param runId id of the run
 * @param targetId id of the target the run recovers or rehearses
 * @param runbookId id of the runbook
 * @param kind what the runbook recovers from
 * @param mode how the run proceeds
 * @param dryRun whether steps are only reported, never executed
 * @param status where the run stands
 * @param steps every step with its status and attempts, in runbook order
 * @param epoch fencing epoch: raised each time an orchestrator instance claims the run; results of older epochs are
 *        rejected
 * @param owner orchestrator instance holding the current epoch; null before the first claim
 * @param requestedBy user or system that requested the run (the audit's "who")
 * @param reason why the run was requested
 * @param approvals approvals given, in order (the audit's approval chain)
 * @param startedAt when the run was requested
 * @param updatedAt when the state last changed
 * @param finishedAt when the run finished; null while it runs
 * @param outcome the outcome in words; null while it runs
 * @param trail every transition, in order
 * @param parameters what the run was asked to do beyond its runbook, e.g. a restore's scenario and point in time
 */
public record RunState(String runId, String targetId, String runbookId, RunbookKind kind, RunMode mode,
        boolean dryRun, RunStatus status, List<StepState> steps, long epoch, String owner, String requestedBy,
        String reason, List<Approval> approvals, Instant startedAt, Instant updatedAt, Instant finishedAt,
        String outcome, List<AuditEntry> trail, Map<String, String> parameters) {

    /**
     * Validates ids and copies the lists.
     */
    public RunState {
        Require.nonBlank(runId, "RunState.runId");
        Require.nonBlank(targetId, "RunState.targetId");
        Require.nonBlank(runbookId, "RunState.runbookId");
        Require.nonNull(kind, "RunState.kind");
        Require.nonNull(mode, "RunState.mode");
        Require.nonNull(status, "RunState.status");
        steps = List.copyOf(steps);
        approvals = List.copyOf(approvals);
        trail = List.copyOf(trail);
        parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
    }

    /**
     * Reads one of the run's parameters.
     *
     * @param name the parameter, e.g. {@code pointInTime}
     * @return its value, or empty when the run was not given it
     */
    public Optional<String> parameter(String name) {
        return Optional.ofNullable(parameters.get(name));
    }

    /**
     * Tells whether the run still holds its target: not completed, failed or cancelled.
     *
     * @return true while the run is active
     */
    public boolean active() {
        return !status.terminal();
    }

    /**
     * Returns the position of a step.
     *
     * @param stepId id of the step
     * @return the zero-based index, or -1 when the runbook has no such step
     */
    public int indexOf(String stepId) {
        return IntStream.range(0, steps.size()).filter(i -> steps.get(i).id().equals(stepId)).findFirst().orElse(-1);
    }

    /**
     * Finds a step.
     *
     * @param stepId id of the step
     * @return the step, or empty when the runbook has no such step
     */
    public Optional<StepState> step(String stepId) {
        int index = indexOf(stepId);
        return index < 0 ? Optional.empty() : Optional.of(steps.get(index));
    }

    /**
     * Tells whether a step is done, e.g. whether the old primary was fenced before a failure.
     *
     * @param stepId id of the step
     * @return true when the step exists and is DONE
     */
    public boolean done(String stepId) {
        return step(stepId).map(step -> step.status() == StepStatus.DONE).orElse(false);
    }

    /**
     * Returns the audit summary of the run.
     *
     * @return who, what, when, approval chain and outcome
     */
    public RunAudit audit() {
        return new RunAudit(requestedBy, runbookId + (dryRun ? " (dry run)" : "") + " of target '" + targetId + "'",
                startedAt, finishedAt, approvals, status, outcome);
    }

    RunState withStep(int index, StepState step) {
        List<StepState> changed = new ArrayList<>(steps);
        changed.set(index, step);
        return new RunState(runId, targetId, runbookId, kind, mode, dryRun, status, changed, epoch, owner,
                requestedBy, reason, approvals, startedAt, updatedAt, finishedAt, outcome, trail, parameters);
    }

    RunState withStatus(RunStatus newStatus, String newOutcome, Instant newFinishedAt) {
        return new RunState(runId, targetId, runbookId, kind, mode, dryRun, newStatus, steps, epoch, owner,
                requestedBy, reason, approvals, startedAt, updatedAt, newFinishedAt, newOutcome, trail, parameters);
    }

    RunState withOwner(long newEpoch, String newOwner) {
        return new RunState(runId, targetId, runbookId, kind, mode, dryRun, status, steps, newEpoch, newOwner,
                requestedBy, reason, approvals, startedAt, updatedAt, finishedAt, outcome, trail, parameters);
    }

    RunState withApproval(Approval approval) {
        List<Approval> changed = new ArrayList<>(approvals);
        changed.add(approval);
        return new RunState(runId, targetId, runbookId, kind, mode, dryRun, status, steps, epoch, owner,
                requestedBy, reason, changed, startedAt, updatedAt, finishedAt, outcome, trail, parameters);
    }

    RunState logged(Instant at, String actor, String action, String detail) {
        List<AuditEntry> changed = new ArrayList<>(trail);
        changed.add(new AuditEntry(at, actor, action, detail));
        return new RunState(runId, targetId, runbookId, kind, mode, dryRun, status, steps, epoch, owner,
                requestedBy, reason, approvals, startedAt, at, finishedAt, outcome, changed, parameters);
    }
}
