package io.lifeboat.events.backup;

import java.time.Instant;
import java.util.List;

import io.lifeboat.events.LifeboatMessage;
import io.lifeboat.events.Require;

/**
 * An agent deleted the artifacts of backups named by an {@link ExpireBackups}.
 *
 * @param commandId id of the {@link ExpireBackups} that asked for the deletion
 * @param targetId id of the target the backups belonged to
 * @param backupIds backups whose artifacts are gone
 * @param freedBytes object-store bytes released
 * @param expiredAt instant the last artifact was deleted
 */
public record BackupsExpired(String commandId, String targetId, List<String> backupIds, long freedBytes,
        Instant expiredAt) implements LifeboatMessage {

    /**
     * Validates ids, size and time.
     */
    public BackupsExpired {
        Require.nonBlank(commandId, "BackupsExpired.commandId");
        Require.nonBlank(targetId, "BackupsExpired.targetId");
        backupIds = Require.listOf(backupIds);
        backupIds.forEach(id -> Require.nonBlank(id, "BackupsExpired.backupIds[]"));
        Require.nonNegative(freedBytes, "BackupsExpired.freedBytes");
        Require.nonNull(expiredAt, "BackupsExpired.expiredAt");
    }
}
