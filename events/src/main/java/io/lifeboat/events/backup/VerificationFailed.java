package io.lifeboat.events.backup;

import java.time.Instant;

import io.lifeboat.events.LifeboatMessage;
import io.lifeboat.events.Require;

/**
 * A stored artifact could not be read or did not match its manifest; the backup must not be trusted.
 *
 * @param commandId id of the {@link VerifyBackup} that asked for the verification
 * @param targetId id of the target the backup belongs to
 * @param backupId backup whose artifact failed verification
 * @param failedStep step that failed, e.g. {@code manifest}, {@code download}, {@code checksum}
 * @param reason human-readable cause, naming the part and the error
 * @param expectedSha256 hex SHA-256 the manifest lists for the failing part or artifact (optional)
 * @param actualSha256 hex SHA-256 computed from the stored bytes (optional)
 * @param failedAt instant the verification failed
 */
public record VerificationFailed(String commandId, String targetId, String backupId, String failedStep,
        String reason, String expectedSha256, String actualSha256, Instant failedAt) implements LifeboatMessage {

    /**
     * Validates ids, step, reason and time.
     */
    public VerificationFailed {
        Require.nonBlank(commandId, "VerificationFailed.commandId");
        Require.nonBlank(targetId, "VerificationFailed.targetId");
        Require.nonBlank(backupId, "VerificationFailed.backupId");
        Require.nonBlank(failedStep, "VerificationFailed.failedStep");
        Require.nonBlank(reason, "VerificationFailed.reason");
        Require.nonNull(failedAt, "VerificationFailed.failedAt");
    }
}
