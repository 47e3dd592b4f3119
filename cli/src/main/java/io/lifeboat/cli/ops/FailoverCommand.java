package io.lifeboat.cli.ops;

import io.lifeboat.cli.ops.domain.RunIds;
import io.lifeboat.events.dr.ApproveRun;
import io.lifeboat.events.dr.StartFailover;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code lifeboat failover TARGET}: publishes StartFailover; with {@code --approve RUN} publishes ApproveRun for the
 * step a run waits at (a MANUAL failover's first step, a restore's cut-over), or with {@code --reject} cancels it.
 */
@Command(name = "failover", mixinStandardHelpOptions = true, sortOptions = false, description = "Asks the DR "
        + "orchestrator to fail a target over (StartFailover) and prints the run id, failover-<command id>; or, with "
        + "--approve RUN, approves (or with --reject cancels) the step a run waits at (ApproveRun).")
final class FailoverCommand extends DrVerb {

    @Parameters(paramLabel = "TARGET", description = "The target.")
    String target;

    @Option(names = "--approve", paramLabel = "RUN", description = "Decide on this waiting run instead of starting "
            + "a failover.")
    String approve;

    @Option(names = "--step", paramLabel = "STEP", description = "The step decided on (default: cutover for a "
            + "restore-... run, check-quorum for a failover-... run).")
    String step;

    @Option(names = "--reject", description = "With --approve: refuse the step, which cancels the run.")
    boolean reject;

    @Option(names = "--reason", paramLabel = "TEXT", description = "Why: the failover's reason, or the approver's "
            + "note (required with --reject).")
    String reason;

    @Option(names = "--candidate", paramLabel = "MEMBER", description = "The standby to promote (default: the "
            + "orchestrator picks the fittest).")
    String candidate;

    @Override
    public Integer call() {
        if (approve == null) {
            if (step != null || reject) {
                throw usage("--step and --reject go with --approve RUN");
            }
            checkTarget(target);
            String commandId = requester.commandId();
            String why = reason == null || reason.isBlank()
                    ? "requested by " + requester.user() + " with lifeboat "
                            + "failover"
                    : reason;
            StartFailover failover = new StartFailover(commandId, target, why, candidate, requester.user(),
                    deadline(), 1);
            return publish(failover, RunIds.failover(commandId), "failover of '" + target + "'");
        }
        if (candidate != null) {
            throw usage("--candidate goes with a new failover, not with --approve");
        }
        if (reject && (reason == null || reason.isBlank())) {
            throw usage("--reject needs --reason TEXT: the run's audit trail records why it was cancelled");
        }
        String stepId = step != null
                ? step
                : RunIds.approvalStep(approve).orElseThrow(() -> usage("name the step run '" + approve + "' waits "
                        + "at with --step STEP"));
        ApproveRun decision = new ApproveRun(requester.commandId(), target, approve, stepId, !reject, reason,
                requester.user(), deadline(), 1);
        return publish(decision, approve, (reject ? "rejection" : "approval") + " of step '" + stepId + "'");
    }
}
