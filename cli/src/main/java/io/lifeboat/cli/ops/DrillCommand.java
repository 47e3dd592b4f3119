package io.lifeboat.cli.ops;

import java.time.Instant;

import io.lifeboat.cli.ops.domain.RunIds;
import io.lifeboat.cli.ops.domain.Times;
import io.lifeboat.events.dr.StartDrill;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code lifeboat drill TARGET}: publishes StartDrill; the orchestrator restores into a scratch instance. */
@Command(name = "drill", mixinStandardHelpOptions = true, description = "Asks the DR orchestrator for a restore "
        + "drill (StartDrill on lifeboat.dr.commands) and prints its run id, drill-<command id>.")
final class DrillCommand extends DrVerb {

    @Parameters(paramLabel = "TARGET", description = "The target whose recovery is rehearsed.")
    String target;

    @Option(names = "--backup", paramLabel = "ID", description = "The backup to restore (default: the newest "
            + "restorable one).")
    String backup;

    @Option(names = "--at", paramLabel = "TIME", description = "Rehearse a point-in-time restore to this ISO-8601 "
            + "instant.")
    String at;

    @Override
    public Integer call() {
        Instant point;
        try {
            point = at == null ? null : Times.parse("--at", at);
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
        checkTarget(target);
        String commandId = requester.commandId();
        StartDrill drill = new StartDrill(commandId, target, backup, point, requester.user(), deadline(), 1);
        return publish(drill, RunIds.drill(commandId), "drill of '" + target + "'");
    }
}
