package io.lifeboat.events.archive;

/**
 * Why continuous log archiving of a target stopped.
 */
public enum ArchiveFailure {
    /** Log the archive needs was removed from the source before it was stored: a new base backup is needed. */
    GAP,
    /** The source could not be reached or refused the archiver (connection, credentials, slot). */
    SOURCE_UNAVAILABLE,
    /** A segment could not be written to the object store. */
    STORE_UNAVAILABLE,
    /** The source changed history (a promotion) and the archiver could not follow it. */
    TIMELINE,
    /** Any other failure; the reason says which. */
    OTHER
}
