package io.lifeboat.cli.ops;

import java.time.Instant;

import io.lifeboat.cli.ops.domain.RestoreChoice;
import io.lifeboat.cli.ops.domain.RunIds;
import io.lifeboat.cli.ops.domain.Times;
import io.lifeboat.events.dr.RestoreScenario;
import io.lifeboat.events.dr.StartRestore;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code lifeboat restore TARGET}: publishes StartRestore; the orchestrator restores into a new instance. */
@Command(name = "restore", mixinStandardHelpOptions = true, sortOptions = false, description = "Asks the DR "
        + "orchestrator to restore a target into a new instance (StartRestore on lifeboat.dr.commands) and prints its "
        + "run id, restore-<command id>; the cut-over then waits for 'lifeboat failover TARGET --approve RUN'.")
final class RestoreCommand extends DrVerb {

    @Parameters(paramLabel = "TARGET", description = "The target (or, with --scenario COMPLETE_FAILURE, the "
            + "recovery group).")
    String target;

    @Option(names = "--at", paramLabel = "TIME", description = "Replay the log to this ISO-8601 instant "
            + "(POINT_IN_TIME; with --scenario DATA_LOSS to just before it).")
    String at;

    @Option(names = "--backup", paramLabel = "ID", description = "Restore this backup as it is, without replay.")
    String backup;

    @Option(names = "--latest-before", paramLabel = "TIME", description = "Restore the newest backup completed "
            + "before this instant (a verified one preferred), without replay.")
    String latestBefore;

    @Option(names = "--scenario", paramLabel = "SCENARIO", description = "POINT_IN_TIME (default with --at), "
            + "DATA_LOSS, CORRUPTION (default with --backup and --latest-before) or COMPLETE_FAILURE.")
    RestoreScenario scenario;

    @Option(names = "--into", paramLabel = "DEST", description = "Where the new instance goes, as the agent takes "
            + "it (default: the target's configured restore-destination).")
    String into;

    @Option(names = "--dry-run", description = "Report the steps without doing them.")
    boolean dryRun;

    @Option(names = "--reason", paramLabel = "TEXT", description = "Why, for the audit trail.")
    String reason;

    @Override
    public Integer call() {
        RestoreChoice choice;
        try {
            choice = RestoreChoice.of(scenario, at == null ? null : Times.parse("--at", at), backup,
                    latestBefore == null ? null : Times.parse("--latest-before", latestBefore));
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
        boolean group = choice.scenario() == RestoreScenario.COMPLETE_FAILURE;
        if (!group) {
            // A recovery group is the orchestrator's configuration, not a catalog target.
            checkTarget(target);
        }
        String commandId = requester.commandId();
        StartRestore restore = new StartRestore(commandId, target, choice.scenario(), choice.pointInTime(),
                choice.backupId(), into, dryRun, requester.user(), reason, deadline(), 1);
        Instant point = choice.pointInTime();
        String what = choice.scenario() + " restore of '" + target + "'"
                + (choice.backupId() != null ? " from backup '" + choice.backupId() + "'" : "")
                + (point != null ? " at " + point : "") + (dryRun ? ", dry run" : "");
        return publish(restore, group ? RunIds.recovery(commandId) : RunIds.restore(commandId), what);
    }
}
