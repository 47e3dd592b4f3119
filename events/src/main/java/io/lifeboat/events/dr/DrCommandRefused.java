package io.lifeboat.events.dr;

import java.time.Instant;

import io.lifeboat.events.LifeboatMessage;
import io.lifeboat.events.Require;

/**
 * The DR orchestrator refused a command from {@code lifeboat.dr.commands} and started no run for it, e.g. because the
 * target is in its failover hold-down, already has an active run, is not configured, or the command came past its
 * deadline; published once per command id.
 *
 * @param commandId id of the refused command
 * @param targetId id of the target or recovery group the command names
 * @param runId id of the run the command would have started or moved, e.g. {@code failover-<commandId>}
 * @param command simple type of the refused command, e.g. {@code StartFailover}
 * @param reason why the command was refused, naming the target and the rule
 * @param refusedAt instant the orchestrator refused it
 */
public record DrCommandRefused(String commandId, String targetId, String runId, String command, String reason,
        Instant refusedAt) implements LifeboatMessage {

    /**
     * Validates ids, reason and time.
     */
    public DrCommandRefused {
        Require.nonBlank(commandId, "DrCommandRefused.commandId");
        Require.nonBlank(targetId, "DrCommandRefused.targetId");
        Require.nonBlank(runId, "DrCommandRefused.runId");
        Require.nonBlank(command, "DrCommandRefused.command");
        Require.nonBlank(reason, "DrCommandRefused.reason");
        Require.nonNull(refusedAt, "DrCommandRefused.refusedAt");
    }
}
