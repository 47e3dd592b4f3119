package io.lifeboat.events.backup;

import java.time.Instant;

import io.lifeboat.events.LifeboatMessage;
import io.lifeboat.events.Require;

/**
 * An agent re-read a stored artifact and every checksum matched its manifest.
 *
 * @param commandId id of the {@link VerifyBackup} that asked for the verification
 * @param targetId id of the target the backup belongs to
 * @param backupId backup whose artifact was verified
 * @param sha256 hex SHA-256 of the whole artifact, equal to the manifest's
 * @param checkedBytes bytes read from the object store
 * @param verifiedAt instant the verification finished
 */
public record BackupVerified(String commandId, String targetId, String backupId, String sha256, long checkedBytes,
        Instant verifiedAt) implements LifeboatMessage {

    /**
     * Validates ids, checksum, size and time.
     */
    public BackupVerified {
        Require.nonBlank(commandId, "BackupVerified.commandId");
        Require.nonBlank(targetId, "BackupVerified.targetId");
        Require.nonBlank(backupId, "BackupVerified.backupId");
        Require.nonBlank(sha256, "BackupVerified.sha256");
        Require.nonNegative(checkedBytes, "BackupVerified.checkedBytes");
        Require.nonNull(verifiedAt, "BackupVerified.verifiedAt");
    }
}
