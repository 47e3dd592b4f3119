package io.lifeboat.catalog.domain;

import java.time.Instant;

/**
 * A backup a restore can start from, and the instant a restore of it alone reaches.
 *
 * @param backupId id of the backup
 * @param consistentAt instant its data is consistent to
 */
public record RestorePoint(String backupId, Instant consistentAt) {
}
