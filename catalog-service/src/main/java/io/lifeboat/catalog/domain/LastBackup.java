package io.lifeboat.catalog.domain;

import java.time.Instant;

/**
 * The last backup of one kind that reached an outcome.
 *
 * @param backupId id of the backup
 * @param at instant of the outcome (completion or failure)
 * @param detail failure reason, or null for a success
 */
public record LastBackup(String backupId, Instant at, String detail) {
}
