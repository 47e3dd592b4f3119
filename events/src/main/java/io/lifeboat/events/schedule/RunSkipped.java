package io.lifeboat.events.schedule;

import java.time.Instant;

import io.lifeboat.events.LifeboatMessage;
import io.lifeboat.events.Require;
import io.lifeboat.events.backup.BackupType;

/**
 * A scheduled run the scheduler did not issue, and why: the target's previous backup was still running, there was
 * no recent backup to verify, or the run was missed while the scheduler was down and the policy skips misfires.
 *
 * @param targetId id of the target
 * @param schedule key of the schedule within the policy, e.g. {@code backup:FULL:0 2 * * *}, {@code verify}
 * @param command kind of command the run would have issued
 * @param backupType kind of backup the run would have taken (optional)
 * @param commandId command id the run would have had
 * @param scheduledFor the schedule's slot that was not run
 * @param reason why the run was skipped, in words
 * @param blockingCommandId command id of the backup still running, when that is the reason (optional)
 * @param skippedAt instant the scheduler decided to skip the run
 */
public record RunSkipped(String targetId, String schedule, ScheduledCommand command, BackupType backupType,
        String commandId, Instant scheduledFor, String reason, String blockingCommandId, Instant skippedAt)
        implements
            LifeboatMessage {

    /**
     * Validates ids, slot and reason.
     */
    public RunSkipped {
        Require.nonBlank(targetId, "RunSkipped.targetId");
        Require.nonBlank(schedule, "RunSkipped.schedule");
        Require.nonNull(command, "RunSkipped.command");
        Require.nonBlank(commandId, "RunSkipped.commandId");
        Require.nonNull(scheduledFor, "RunSkipped.scheduledFor");
        Require.nonBlank(reason, "RunSkipped.reason");
        Require.nonNull(skippedAt, "RunSkipped.skippedAt");
    }
}
