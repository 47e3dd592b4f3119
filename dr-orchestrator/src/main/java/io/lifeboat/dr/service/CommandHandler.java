package io.lifeboat.dr.service;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jboss.logging.Logger;

import io.lifeboat.dr.config.DrSettings;
import io.lifeboat.dr.config.GroupSettings;
import io.lifeboat.dr.config.TargetSettings;
import io.lifeboat.dr.domain.RunMode;
import io.lifeboat.dr.domain.RunRequest;
import io.lifeboat.dr.domain.Runbooks;
import io.lifeboat.dr.domain.TargetRuns;
import io.lifeboat.events.Command;
import io.lifeboat.events.dr.ApproveRun;
import io.lifeboat.events.dr.RestoreScenario;
import io.lifeboat.events.dr.StartDrill;
import io.lifeboat.events.dr.StartFailover;
import io.lifeboat.events.dr.StartRestore;
import io.lifeboat.events.envelope.TraceContext;
import io.lifeboat.events.policy.FailoverMode;

/**
 * Turns the DR commands into runs: StartFailover, StartRestore (a target's restore, or a group's complete failure),
 * StartDrill and ApproveRun. A command whose run is the target's latest already is a redelivery and starts nothing;
 * a command that starts no run for another reason is refused with a DrCommandRefused.
 */
final class CommandHandler {

    private static final Logger LOG = Logger.getLogger(CommandHandler.class);

    private final DrSettings settings;
    private final Inbox inbox;
    private final Clock clock;
    private final Refusals refusals = new Refusals();
    private final CommandRefusals refused;

    CommandHandler(DrSettings settings, Inbox inbox, Clock clock, CommandRefusals refused) {
        this.settings = settings;
        this.inbox = inbox;
        this.clock = clock;
        this.refused = refused;
    }

    Refusals refusals() {
        return refusals;
    }

    void handle(RunDriver driver, Command command) {
        try {
            handle(driver, command, inbox.commandTrace(command.commandId()).orElse(null));
        } finally {
            inbox.forgetCommandTrace(command.commandId());
        }
    }

    private void handle(RunDriver driver, Command command, TraceContext trace) {
        GroupSettings group = settings.groups().get(command.targetId());
        if (group != null) {
            handleGroup(driver, group, command, trace);
            return;
        }
        TargetSettings target = settings.targets().get(command.targetId());
        if (target == null) {
            String reason = "no target or recovery group '" + command.targetId() + "' is configured under "
                    + "lifeboat.dr.targets or lifeboat.dr.groups";
            LOG.warnf("%s ignored: %s", command.getClass().getSimpleName(), reason);
            refused.refuse(command, command.targetId(), reason);
            return;
        }
        if (command instanceof StartRestore restore && restore.scenario() == RestoreScenario.COMPLETE_FAILURE) {
            String reason = "StartRestore COMPLETE_FAILURE names target '" + target.id() + "'; a complete failure "
                    + "restores a recovery group (lifeboat.dr.groups.<id>)";
            LOG.warnf("%s: ignored", reason);
            refused.refuse(command, target.id(), reason);
            return;
        }
        if (command instanceof ApproveRun approve) {
            driver.decide(target.id(), approve.runId(), approve.approved(), approve.requestedBy(), approve.reason());
        } else if (command instanceof StartRestore restore) {
            startRestore(driver, target, restore, trace);
        } else if (command instanceof StartDrill drill) {
            startDrill(driver, target, drill, trace);
        } else if (command instanceof StartFailover failover) {
            String runId = "failover-" + failover.commandId();
            TargetRuns history = driver.history(target.id());
            if (history.latest() != null && history.latest().runId().equals(runId)
                    || late(failover, target.id(), runId)) {
                return;
            }
            RunMode mode = mode(target) == RunMode.RESTORE_ONLY ? RunMode.MANUAL : mode(target);
            started(failover, target.id(), driver.start(new RunRequest(runId, target.id(),
                    Runbooks.postgresPrimaryFailure(), mode, false, failover.requestedBy(), failover.reason(),
                    clock.instant(), RunParameters.withTrace(Map.of(), trace))));
        }
    }

    private void handleGroup(RunDriver driver, GroupSettings group, Command command, TraceContext trace) {
        if (command instanceof ApproveRun approve) {
            driver.decide(group.id(), approve.runId(), approve.approved(), approve.requestedBy(), approve.reason());
        } else if (command instanceof StartRestore restore
                && restore.scenario() == RestoreScenario.COMPLETE_FAILURE) {
            String runId = "recovery-" + restore.commandId();
            if (seen(driver, group.id(), runId) || late(restore, group.id(), runId)) {
                return;
            }
            started(restore, group.id(), driver.start(new RunRequest(runId, group.id(), Runbooks.completeFailure(group
                    .group()), RunMode.AUTOMATIC, restore.dryRun(), restore.requestedBy(),
                    restore.reason() == null
                            || restore.reason().isBlank() ? "complete failure" : restore.reason(),
                    clock.instant(), RunParameters.withTrace(RunParameters.of(restore), trace))));
        } else {
            String reason = command.getClass().getSimpleName() + " names recovery group '" + group.id()
                    + "'; a group takes StartRestore COMPLETE_FAILURE and ApproveRun";
            LOG.warnf("%s: ignored", reason);
            refused.refuse(command, group.id(), reason);
        }
    }

    private void startRestore(RunDriver driver, TargetSettings target, StartRestore command, TraceContext trace) {
        String runId = "restore-" + command.commandId();
        if (seen(driver, target.id(), runId) || late(command, target.id(), runId)) {
            return;
        }
        String reason = command.reason() != null && !command.reason().isBlank()
                ? command.reason()
                : command.scenario() + (command.pointInTime() == null ? "" : " at " + command.pointInTime());
        started(command, target.id(), driver.start(new RunRequest(runId, target.id(),
                Runbooks.restoreToNewInstance(command.scenario()), RunMode.AUTOMATIC, command.dryRun(),
                command.requestedBy(), reason, clock.instant(),
                RunParameters.withTrace(RunParameters.of(command), trace))));
    }

    private void startDrill(RunDriver driver, TargetSettings target, StartDrill command, TraceContext trace) {
        String runId = "drill-" + command.commandId();
        if (seen(driver, target.id(), runId) || late(command, target.id(), runId)) {
            return;
        }
        started(command, target.id(),
                driver.start(new RunRequest(runId, target.id(), Runbooks.drill(), RunMode.AUTOMATIC,
                        false, command.requestedBy(), "drill" + (command.pointInTime() == null
                                ? " of the newest backup"
                                : " to " + command.pointInTime()),
                        clock.instant(), RunParameters.withTrace(RunParameters.of(command), trace))));
    }

    private static boolean seen(RunDriver driver, String targetId, String runId) {
        // Commands are read with auto-committed offsets: a redelivered one must not run its restore twice.
        TargetRuns history = driver.history(targetId);
        return history.latest() != null && history.latest().runId().equals(runId);
    }

    private boolean late(Command command, String key, String runId) {
        Instant deadline = command.deadline();
        Instant now = clock.instant();
        if (deadline != null && now.isAfter(deadline)) {
            String reason = "run '" + runId + "' of '" + key + "' not started: its command's deadline " + deadline
                    + " had passed when the orchestrator read it at " + now;
            LOG.warn(reason);
            refused.refuse(command, key, reason);
            return true;
        }
        return false;
    }

    /** Logs and publishes the machine's refusal of the run a command asked for; a started run is its own answer. */
    private void started(Command command, String key, String refusal) {
        if (refusal != null) {
            refusals.refused(key, refusal);
            refused.refuse(command, key, refusal);
        }
    }

    RunMode mode(TargetSettings target) {
        FailoverMode mode = target.failoverMode()
                .or(() -> inbox.policy(target.id()).map(policy -> policy.failoverMode()))
                .orElse(FailoverMode.MANUAL);
        return RunMode.of(mode);
    }

    /** Why the latest run of each target was not started, logged once per distinct reason. */
    static final class Refusals {

        private final Map<String, String> last = new ConcurrentHashMap<>();

        void refused(String targetId, String refusal) {
            if (refusal != null && !refusal.equals(last.put(targetId, refusal))) {
                LOG.warnf("no run started: %s", refusal);
            }
        }

        void clear(String targetId) {
            last.remove(targetId);
        }
    }
}
