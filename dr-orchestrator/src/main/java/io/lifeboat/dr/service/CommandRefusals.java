package io.lifeboat.dr.service;

import java.time.Clock;

import org.jboss.logging.Logger;

import io.lifeboat.dr.domain.RefusedCommands;
import io.lifeboat.events.Command;
import io.lifeboat.events.dr.ApproveRun;
import io.lifeboat.events.dr.DrCommandRefused;
import io.lifeboat.events.dr.RestoreScenario;
import io.lifeboat.events.dr.StartDrill;
import io.lifeboat.events.dr.StartFailover;
import io.lifeboat.events.dr.StartRestore;

/**
 * Makes a refused command from {@code lifeboat.dr.commands} a fact: one {@link DrCommandRefused} per command id,
 * so that whoever sent it learns why no run started; a redelivered command is refused in silence.
 */
final class CommandRefusals {

    private static final Logger LOG = Logger.getLogger(CommandRefusals.class);

    /** Where a refusal goes: the orchestrator's transactional producer, on lifeboat.dr.events. */
    @FunctionalInterface
    interface Publisher {

        /** Publishes the refusal; throws IllegalStateException when the broker did not take it. */
        void publish(DrCommandRefused refusal);
    }

    private final Publisher publisher;
    private final RefusedCommands refused;
    private final Clock clock;

    CommandRefusals(Publisher publisher, RefusedCommands refused, Clock clock) {
        this.publisher = publisher;
        this.refused = refused;
        this.clock = clock;
    }

    /**
     * Publishes the refusal of {@code command} unless this command id was refused already.
     *
     * @param command the refused command
     * @param key the target or recovery group id the refusal is kept under
     * @param reason why, naming the target and the rule
     */
    void refuse(Command command, String key, String reason) {
        if (!refused.firstRefusal(command.commandId())) {
            return;
        }
        DrCommandRefused refusal = new DrCommandRefused(command.commandId(), key, runIdOf(command),
                command.getClass().getSimpleName(), reason, clock.instant());
        try {
            publisher.publish(refusal);
        } catch (IllegalStateException e) {
            // Forgotten, so that a redelivery of the command publishes the refusal it did not get.
            refused.forget(command.commandId());
            LOG.warnf("the refusal of %s '%s' of '%s' was not published: %s", refusal.command(),
                    command.commandId(), key, e.getMessage());
        }
    }

    /**
     * Returns the id of the run a command starts or moves, as the orchestrator names it.
     *
     * @param command a DR command
     * @return e.g. {@code failover-<commandId>}; for an approval, the run it names
     */
    static String runIdOf(Command command) {
        if (command instanceof ApproveRun approve) {
            return approve.runId();
        }
        if (command instanceof StartRestore restore) {
            return (restore.scenario() == RestoreScenario.COMPLETE_FAILURE ? "recovery-" : "restore-")
                    + command.commandId();
        }
        if (command instanceof StartDrill) {
            return "drill-" + command.commandId();
        }
        if (command instanceof StartFailover) {
            return "failover-" + command.commandId();
        }
        return command.getClass().getSimpleName() + "-" + command.commandId();
    }
}
