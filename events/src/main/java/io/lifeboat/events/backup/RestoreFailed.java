package io.lifeboat.events.backup;

import java.time.Instant;

import io.lifeboat.events.LifeboatMessage;
import io.lifeboat.events.Require;

/**
 * An agent gave up on a {@link RestoreBackup}; the destination must be treated as unusable.
 *
 * @param commandId id of the {@link RestoreBackup} that asked for the restore
 * @param targetId id of the target whose backup was being restored
 * @param backupId backup the restore started from, when one had been chosen (optional)
 * @param destination reference to where the data was being restored, as given in the command
 * @param failedStep step that failed, e.g. {@code download}, {@code decrypt}, {@code apply}, {@code replay}
 * @param reason human-readable cause, naming the object and the error
 * @param retryable whether a new attempt of the same command may succeed
 * @param failedAt instant the agent gave up
 */
public record RestoreFailed(String commandId, String targetId, String backupId, String destination,
        String failedStep, String reason, boolean retryable, Instant failedAt) implements LifeboatMessage {

    /**
     * Validates ids, destination, step, reason and time.
     */
    public RestoreFailed {
        Require.nonBlank(commandId, "RestoreFailed.commandId");
        Require.nonBlank(targetId, "RestoreFailed.targetId");
        Require.nonBlank(destination, "RestoreFailed.destination");
        Require.nonBlank(failedStep, "RestoreFailed.failedStep");
        Require.nonBlank(reason, "RestoreFailed.reason");
        Require.nonNull(failedAt, "RestoreFailed.failedAt");
    }
}
