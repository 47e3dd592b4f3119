package io.lifeboat.dr.postgres;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What one inspection saw of a PostgreSQL member. Every field but the member, the time and reachability may be null:
 * unknown, because the member was unreachable or the value does not apply to its role.
 *
 * @param member the member's name
 * @param observedAt when the inspection ran
 * @param reachable whether a session could be opened and queried
 * @param error why the member could not be inspected; null when it was
 * @param inRecovery {@code pg_is_in_recovery()}: true for a standby
 * @param timeline the timeline: a primary's current one (from its WAL file name), a standby's from its last
 *        checkpoint ({@code pg_control_checkpoint()})
 * @param currentLsn a primary's {@code pg_current_wal_lsn()}; null on a standby
 * @param receiveLsn a standby's {@code pg_last_wal_receive_lsn()}; null on a primary or before streaming started
 * @param replayLsn a standby's {@code pg_last_wal_replay_lsn()}; null on a primary
 * @param readOnlyDefault the {@code default_transaction_read_only} setting new sessions get
 * @param replayLag how far a standby's replay is behind: zero when it replayed all it received, else the age of the
 *        last replayed transaction; null when unknown or on a primary
 */
public record PgMemberState(String member, Instant observedAt, boolean reachable, String error, Boolean inRecovery,
        Long timeline, Lsn currentLsn, Lsn receiveLsn, Lsn replayLsn, Boolean readOnlyDefault, Duration replayLag) {

    /**
     * The state of a member that could not be inspected.
     *
     * @param member the member's name
     * @param observedAt when the attempt was made
     * @param error why it failed, such as the connection error
     * @return a state with only the error known
     */
    public static PgMemberState unreachable(String member, Instant observedAt, String error) {
        return new PgMemberState(member, observedAt, false, error, null, null, null, null, null, null, null);
    }

    /**
     * Whether this member, as seen, accepts writes from new sessions: reachable, not in recovery, not read-only.
     *
     * @return true for a writable primary
     */
    public boolean writable() {
        return reachable && Boolean.FALSE.equals(inRecovery) && Boolean.FALSE.equals(readOnlyDefault);
    }

    /**
     * The newest WAL position this member is known to hold: a primary's current position, a standby's received
     * position (its replayed one when it never streamed).
     *
     * @return the position, or empty when none was seen
     */
    public Optional<Lsn> lastKnownPosition() {
        if (currentLsn != null) {
            return Optional.of(currentLsn);
        }
        return Optional.ofNullable(receiveLsn != null ? receiveLsn : replayLsn);
    }

    /**
     * One line naming the member and what was seen.
     *
     * @return the summary
     */
    public String summary() {
        if (!reachable) {
            return "PostgreSQL member '" + member + "' unreachable at " + observedAt + ": " + error;
        }
        String role = Boolean.TRUE.equals(inRecovery) ? "standby" : "primary";
        StringBuilder line = new StringBuilder("PostgreSQL member '" + member + "' is a " + role + " on timeline "
                + timeline + ", default_transaction_read_only "
                + (Boolean.TRUE.equals(readOnlyDefault) ? "on" : "off"));
        if (currentLsn != null) {
            line.append(", current WAL position ").append(currentLsn);
        }
        if (receiveLsn != null) {
            line.append(", received up to ").append(receiveLsn);
        }
        if (replayLsn != null) {
            line.append(", replayed up to ").append(replayLsn);
        }
        if (replayLag != null) {
            line.append(", replay lag ").append(replayLag);
        }
        return line.append(" (at ").append(observedAt).append(')').toString();
    }
}
