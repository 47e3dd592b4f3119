package io.lifeboat.agent.pg.wal;

import java.time.Instant;

/**
 * One reading of the source's WAL head.
 *
 * @param lsn the server's current WAL write position
 * @param commitTime commit time of the newest transaction (from {@code pg_last_committed_xact()} when
 *        {@code track_commit_timestamp} is on, else the server clock at the reading: every commit before it is at or
 *        before {@code lsn})
 * @param observedAt the server clock at the reading
 * @param timeline the server's timeline at the reading (0 on a standby, whose walsender ends the stream itself)
 */
record HeadSample(long lsn, Instant commitTime, Instant observedAt, long timeline) {
}
