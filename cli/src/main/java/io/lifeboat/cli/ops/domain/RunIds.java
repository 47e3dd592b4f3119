package io.lifeboat.cli.ops.domain;

import java.util.Optional;

/** The run ids the DR orchestrator gives the runs that the DR commands start, and the step a run waits at. */
public final class RunIds {

    /** The step a restore run waits at for a person: switching clients to the restored instance. */
    public static final String CUTOVER = "cutover";
    /** The first step of the failover runbook, where a MANUAL failover waits for a person. */
    public static final String FAILOVER_FIRST_STEP = "check-quorum";

    private RunIds() {
    }

    /** The run a {@code StartDrill} with this command id starts. */
    public static String drill(String commandId) {
        return "drill-" + commandId;
    }

    /** The run a {@code StartRestore} of a target with this command id starts. */
    public static String restore(String commandId) {
        return "restore-" + commandId;
    }

    /** The run a {@code StartRestore} COMPLETE_FAILURE of a recovery group with this command id starts. */
    public static String recovery(String commandId) {
        return "recovery-" + commandId;
    }

    /** The run a {@code StartFailover} with this command id starts. */
    public static String failover(String commandId) {
        return "failover-" + commandId;
    }

    /** The step a run of this id waits at for an approval, when its kind tells; empty when it must be named. */
    public static Optional<String> approvalStep(String runId) {
        if (runId.startsWith("restore-")) {
            return Optional.of(CUTOVER);
        }
        if (runId.startsWith("failover-")) {
            return Optional.of(FAILOVER_FIRST_STEP);
        }
        return Optional.empty();
    }
}
