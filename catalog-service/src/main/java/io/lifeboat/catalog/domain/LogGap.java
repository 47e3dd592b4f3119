package io.lifeboat.catalog.domain;

import java.time.Instant;

/**
 * A stretch of log the archive lost: no restore can replay across it, so backups before it cannot reach beyond it.
 *
 * @param lostAfter newest restorable instant before the gap (the archive's effective point when it was lost)
 * @param missingFrom first lost segment or position, as the agent reported it (optional)
 * @param missingTo last lost segment or position (optional)
 * @param reportedAt instant the agent reported the gap
 * @param reason the agent's explanation
 * @param closedBy backup whose completion after the gap made the archive restorable again (optional)
 * @param closedAt consistency instant of that backup (optional)
 */
public record LogGap(Instant lostAfter, String missingFrom, String missingTo, Instant reportedAt, String reason,
        String closedBy, Instant closedAt) {

    /**
     * Tells whether a backup has closed the gap.
     *
     * @return true when a base backup completed after it
     */
    public boolean closed() {
        return closedBy != null;
    }

    /**
     * Closes the gap with a backup consistent after it.
     *
     * @param backupId the backup
     * @param at its consistency instant
     * @return the closed gap
     */
    public LogGap closedBy(String backupId, Instant at) {
        return new LogGap(lostAfter, missingFrom, missingTo, reportedAt, reason, backupId, at);
    }
}
