package io.lifeboat.events.backup;

import java.time.Instant;
import java.util.List;

import io.lifeboat.events.LifeboatMessage;
import io.lifeboat.events.Require;

/**
 * An agent could not finish an {@link ExpireBackups}: some backups may still be stored, and none is half deleted
 * (a backup disappears with its manifest, before its parts).
 *
 * @param commandId id of the {@link ExpireBackups} that asked for the deletion
 * @param targetId id of the target the backups belong to
 * @param expiredBackupIds backups of the command already gone when it stopped
 * @param remainingBackupIds backups of the command still stored
 * @param failedStep step that failed: {@code schedule}, {@code delete} or {@code reclaim}
 * @param reason what failed, naming the object and the cause
 * @param retryable whether sending the same command again may succeed
 * @param failedAt instant the agent gave up
 */
public record ExpireFailed(String commandId, String targetId, List<String> expiredBackupIds,
        List<String> remainingBackupIds, String failedStep, String reason, boolean retryable, Instant failedAt)
        implements
            LifeboatMessage {

    /**
     * Validates ids, step, reason and time.
     */
    public ExpireFailed {
        Require.nonBlank(commandId, "ExpireFailed.commandId");
        Require.nonBlank(targetId, "ExpireFailed.targetId");
        expiredBackupIds = Require.listOf(expiredBackupIds);
        remainingBackupIds = Require.listOf(remainingBackupIds);
        Require.nonBlank(failedStep, "ExpireFailed.failedStep");
        Require.nonBlank(reason, "ExpireFailed.reason");
        Require.nonNull(failedAt, "ExpireFailed.failedAt");
    }
}
