package io.lifeboat.catalog.domain.retention;

import io.lifeboat.events.Require;

/**
 * A backup retention expires, with the rule that expired it.
 *
 * @param backupId id of the backup to delete
 * @param reason the rule that fired, stored in the catalog entry to answer "why was this deleted?"
 */
public record Expiry(String backupId, String reason) {

    /**
     * Validates that both the backup and the reason are named.
     */
    public Expiry {
        Require.nonBlank(backupId, "Expiry.backupId");
        Require.nonBlank(reason, "Expiry.reason");
    }
}
