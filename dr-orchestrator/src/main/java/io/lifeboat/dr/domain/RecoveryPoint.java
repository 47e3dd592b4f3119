package io.lifeboat.dr.domain;

import java.time.Instant;

/**
 * Where a restore starts and how far it replays the log: chosen by {@link RecoveryPoints}, or refused with the
 * reason.
 *
 * @param backupId the backup to restore; null when the agent is left to choose it (the catalog lists none)
 * @param consistentAt the instant the backup alone reaches; null when unknown
 * @param replayTo the instant to replay the log to; null to restore the backup as it is
 * @param inclusive whether the replay includes transactions committed at {@code replayTo} itself
 * @param reason why this point, in words
 * @param refusal why no point can be chosen; null when one is
 */
public record RecoveryPoint(String backupId, Instant consistentAt, Instant replayTo, boolean inclusive, String reason,
        String refusal) {

    /**
     * A chosen point.
     *
     * @param backupId the backup, or null for the agent's choice
     * @param consistentAt the backup's consistent instant, or null
     * @param replayTo the replay target, or null
     * @param inclusive whether the target itself is included
     * @param reason why
     * @return the point
     */
    public static RecoveryPoint of(String backupId, Instant consistentAt, Instant replayTo, boolean inclusive,
            String reason) {
        return new RecoveryPoint(backupId, consistentAt, replayTo, inclusive, reason, null);
    }

    /**
     * No point can be chosen.
     *
     * @param refusal why
     * @return the refusal
     */
    public static RecoveryPoint refused(String refusal) {
        return new RecoveryPoint(null, null, null, true, null, refusal);
    }

    /**
     * Tells whether a point was chosen.
     *
     * @return true unless refused
     */
    public boolean chosen() {
        return refusal == null;
    }
}
