package io.lifeboat.events.backup;

import java.time.Instant;

import io.lifeboat.events.LifeboatMessage;
import io.lifeboat.events.Require;

/**
 * A running backup moved forward; agents publish it periodically so that a stalled backup is visible.
 *
 * @param backupId id of the running backup
 * @param targetId id of the target being backed up
 * @param rawBytes bytes read from the target so far, before compression and encryption
 * @param storedBytes bytes written to the object store so far
 * @param estimatedTotalBytes agent's estimate of the raw size of the whole backup (optional)
 * @param observedAt instant the counters were read
 */
public record BackupProgressed(String backupId, String targetId, long rawBytes, long storedBytes,
        Long estimatedTotalBytes, Instant observedAt) implements LifeboatMessage {

    /**
     * Validates ids, counters and time.
     */
    public BackupProgressed {
        Require.nonBlank(backupId, "BackupProgressed.backupId");
        Require.nonBlank(targetId, "BackupProgressed.targetId");
        Require.nonNegative(rawBytes, "BackupProgressed.rawBytes");
        Require.nonNegative(storedBytes, "BackupProgressed.storedBytes");
        Require.nonNull(observedAt, "BackupProgressed.observedAt");
    }
}
