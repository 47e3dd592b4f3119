package io.lifeboat.events.backup;

import java.time.Instant;

import io.lifeboat.events.LifeboatMessage;
import io.lifeboat.events.Require;

/**
 * An agent gave up on a backup; nothing of it may be used for a restore.
 *
 * @param backupId id of the failed backup
 * @param targetId id of the target that was being backed up
 * @param commandId id of the {@link RunBackup} that asked for this backup
 * @param failedStep step that failed, e.g. {@code connect}, {@code read}, {@code upload}, {@code manifest}
 * @param reason human-readable cause, naming the object and the error
 * @param retryable whether a new attempt of the same command may succeed
 * @param failedAt instant the agent gave up
 */
public record BackupFailed(String backupId, String targetId, String commandId, String failedStep, String reason,
        boolean retryable, Instant failedAt) implements LifeboatMessage {

    /**
     * Validates ids, step, reason and time.
     */
    public BackupFailed {
        Require.nonBlank(backupId, "BackupFailed.backupId");
        Require.nonBlank(targetId, "BackupFailed.targetId");
        Require.nonBlank(commandId, "BackupFailed.commandId");
        Require.nonBlank(failedStep, "BackupFailed.failedStep");
        Require.nonBlank(reason, "BackupFailed.reason");
        Require.nonNull(failedAt, "BackupFailed.failedAt");
    }
}
