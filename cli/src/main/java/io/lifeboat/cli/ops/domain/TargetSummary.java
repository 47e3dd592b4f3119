package io.lifeboat.cli.ops.domain;

import java.time.Instant;

/**
 * One target as the catalog reports it, reduced to what the {@code targets} and {@code rpo} verbs show.
 *
 * @param targetId id of the target
 * @param engine engine of the target, e.g. {@code POSTGRES}, or null when the catalog does not know it
 * @param status the catalog's colour: GREEN, AMBER, RED or UNPROTECTED
 * @param lagSeconds time since the newest restorable point, in seconds, or null without policy
 * @param rpoSeconds the recovery point objective in seconds, or null without policy
 * @param breached whether the catalog has an open RPO breach for the target
 * @param newestBackupId id of the newest completed backup of any type, or null
 * @param newestBackupAt when that backup completed, or null
 */
public record TargetSummary(String targetId, String engine, String status, Long lagSeconds, Long rpoSeconds,
        boolean breached, String newestBackupId, Instant newestBackupAt) {

    /** Whether the target is over its RPO: an open breach, or a lag beyond the RPO measured at the query. */
    public boolean inBreach() {
        return breached || (lagSeconds != null && rpoSeconds != null && lagSeconds > rpoSeconds);
    }

    /** The lag as a fraction of the RPO (1.0 = at the RPO), or -1 when the target has no RPO to measure against. */
    public double lagRatio() {
        if (lagSeconds == null || rpoSeconds == null || rpoSeconds <= 0) {
            return -1;
        }
        return (double) lagSeconds / rpoSeconds;
    }
}
