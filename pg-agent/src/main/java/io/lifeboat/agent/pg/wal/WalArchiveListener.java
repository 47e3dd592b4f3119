package io.lifeboat.agent.pg.wal;

import io.lifeboat.events.archive.ArchiveProgressed;

/** Receives what a {@link WalArchiver} observes, on the archiver's thread; implementations must not block long. */
public interface WalArchiveListener {

    /** The archived tip moved or was re-measured (at least every progress interval while streaming). */
    void progressed(ArchiveProgressed progress);

    /** WAL the archive needs is gone from the server; the archiver has stopped. */
    default void gap(WalGapException gap) {
    }

    /** The archiver moved on to the next timeline (after storing the old one's end and the new one's history). */
    default void timelineSwitched(long fromTimeline, long toTimeline) {
    }

    /**
     * The archiver stopped on an error: the source ({@link java.sql.SQLException}), the store
     * ({@link WalStoreException}), a timeline it cannot follow ({@link WalTimelineException}) or anything else.
     */
    default void failed(Exception cause) {
    }
}
