package io.lifeboat.scheduler.domain;

import java.time.Instant;

import io.lifeboat.events.backup.BackupType;

/**
 * A backup of a target that is issued or running as far as the facts tell: it blocks the next scheduled backup.
 *
 * @param commandId id of the command that asked for it
 * @param backupId id the agent gave it once started; null while only issued
 * @param backupType kind of backup
 * @param since instant it was issued (by this scheduler) or started (by any requester)
 * @param deadline instant after which the agent will not start it; null when unknown or once started
 * @param lastSeenAt instant of the newest fact about it
 */
public record InFlight(String commandId, String backupId, BackupType backupType, Instant since, Instant deadline,
        Instant lastSeenAt) {

    /**
     * Tells whether an agent has started the backup.
     *
     * @return true once a {@code BackupStarted} was seen
     */
    public boolean started() {
        return backupId != null;
    }

    /**
     * Tells whether the backup still blocks a new one at {@code now}.
     *
     * @param now the current instant
     * @param staleAfter how long a started backup may go without any fact before it no longer blocks
     * @return false when it was never started and its deadline passed, or nothing was heard of it for too long
     */
    public boolean blocksAt(Instant now, java.time.Duration staleAfter) {
        if (!started() && deadline != null && now.isAfter(deadline)) {
            return false;
        }
        return !now.isAfter(lastSeenAt.plus(staleAfter));
    }

    /**
     * Returns this backup seen again at {@code at}.
     *
     * @param at instant of the fact
     * @return a copy with {@code lastSeenAt} moved forward
     */
    public InFlight seenAt(Instant at) {
        return at.isAfter(lastSeenAt) ? new InFlight(commandId, backupId, backupType, since, deadline, at) : this;
    }
}
