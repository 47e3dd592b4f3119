package io.lifeboat.dr.postgres;

import java.time.Duration;
import java.util.Optional;

/**
 * The data a failover loses, estimated from states gathered before the failure: the WAL bytes the old primary had
 * written (its last known current position) that the standby had not received. It is a lower bound, since the
 * primary may have written more after it was last seen.
 *
 * @param primary the old primary's name
 * @param standby the promoted standby's name
 * @param bytesNotReceived WAL bytes the standby lacks; null when unknown
 * @param replayLag the standby's replay lag when last seen; null when unknown
 * @param reason how the estimate was made, or why it is unknown
 */
public record DataLossEstimate(String primary, String standby, Long bytesNotReceived, Duration replayLag,
        String reason) {

    /**
     * Estimates the loss from the last known states of both members.
     *
     * @param oldPrimary the old primary as last seen, typically before it failed
     * @param standby the standby as last seen, typically during check-standby
     * @return the estimate; unknown when either position was never seen
     */
    public static DataLossEstimate between(PgMemberState oldPrimary, PgMemberState standby) {
        String primaryName = oldPrimary.member();
        if (oldPrimary.currentLsn() == null) {
            return new DataLossEstimate(primaryName, standby.member(), null, standby.replayLag(),
                    "unknown: the WAL position of primary '" + primaryName + "' was never seen");
        }
        Optional<Lsn> received = standby.lastKnownPosition();
        if (received.isEmpty()) {
            return new DataLossEstimate(primaryName, standby.member(), null, standby.replayLag(),
                    "unknown: the WAL position of standby '" + standby.member() + "' was never seen");
        }
        long missing = oldPrimary.currentLsn().bytesSince(received.get());
        // A standby seen after the primary can be ahead of that older sighting; it lacks nothing of it.
        return new DataLossEstimate(primaryName, standby.member(), Math.max(0, missing), standby.replayLag(),
                "primary at " + oldPrimary.currentLsn() + " (seen " + oldPrimary.observedAt() + "), standby received "
                        + received.get() + " (seen " + standby.observedAt() + ")");
    }

    /**
     * Whether the byte count is known.
     *
     * @return true when {@link #bytesNotReceived()} is set
     */
    public boolean known() {
        return bytesNotReceived != null;
    }

    /**
     * One line naming both members and the estimate.
     *
     * @return the summary
     */
    public String summary() {
        String lag = replayLag == null ? "replay lag unknown" : "replay lag " + replayLag.toMillis() + " ms";
        if (!known()) {
            return "data loss from '" + primary + "' to '" + standby + "' " + reason + "; " + lag;
        }
        return "data loss from '" + primary + "' to '" + standby + "': at least " + bytesNotReceived
                + " bytes of WAL not received; " + lag + " (" + reason + ")";
    }
}
