package io.lifeboat.dr.domain;

/**
 * Questions about how far a run has come, shared by the transitions of {@link RunMachine}.
 */
final class RunProgress {

    private RunProgress() {
    }

    static boolean allFinished(RunState state) {
        return state.steps().stream()
                .allMatch(step -> step.status() == StepStatus.DONE || step.status() == StepStatus.SKIPPED);
    }

    static int nextIndex(RunState state) {
        for (int i = 0; i < state.steps().size(); i++) {
            StepStatus status = state.steps().get(i).status();
            if (status != StepStatus.DONE && status != StepStatus.SKIPPED) {
                return i;
            }
        }
        return -1;
    }

    static boolean needsApproval(RunState state, int index) {
        // A manual run is approved once, before its first step; steps such as a cut-over need their own approval
        // whatever the mode.
        return state.steps().get(index).definition().needsApproval()
                || (state.mode() == RunMode.MANUAL && index == 0);
    }

    static boolean awaitsApproval(RunState state, int index) {
        String stepId = state.steps().get(index).id();
        return needsApproval(state, index)
                && state.approvals().stream().noneMatch(approval -> approval.stepId().equals(stepId));
    }

    static String whyApproval(RunState state, int index) {
        String stepId = state.steps().get(index).id();
        return state.steps().get(index).definition().needsApproval()
                ? "step '" + stepId + "' always needs an approval"
                : "run '" + state.runId() + "' is MANUAL: step '" + stepId + "' waits for an approval";
    }

    /** Returns why a report cannot apply to the run at all (finished, stale epoch, unknown step), or null. */
    static String refuse(RunState state, StepReport report) {
        if (state.status().terminal()) {
            return "run '" + state.runId() + "' is " + state.status() + "; report of step '" + report.stepId()
                    + "' ignored";
        }
        if (report.epoch() != state.epoch()) {
            return "report of step '" + report.stepId() + "' from epoch " + report.epoch() + " rejected: run '"
                    + state.runId() + "' is at epoch " + state.epoch() + ", owned by '" + state.owner() + "'";
        }
        if (state.indexOf(report.stepId()) < 0) {
            return "run '" + state.runId() + "' (" + state.runbookId() + ") has no step '" + report.stepId() + "'";
        }
        return null;
    }

    /** Returns why a done or failed report cannot apply: it cannot apply at all, or the step is not RUNNING. */
    static String refuseUnlessRunning(RunState state, StepReport report) {
        String refusal = refuse(state, report);
        if (refusal != null) {
            return refusal;
        }
        StepStatus status = state.step(report.stepId()).orElseThrow().status();
        if (status != StepStatus.RUNNING) {
            return "run '" + state.runId() + "': step '" + report.stepId() + "' is " + status
                    + ", not RUNNING; report ignored";
        }
        return null;
    }
}
