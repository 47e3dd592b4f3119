package io.lifeboat.agent.pg.wal;

import java.io.IOException;

/**
 * The WAL between the archive's tip and what the server still has is lost: the segments from
 * {@code firstMissing} to {@code lastMissing} can never be archived, so point-in-time recovery across them is
 * impossible until a new base backup is taken.
 */
public final class WalGapException extends IOException {

    private static final long serialVersionUID = 1L;

    private final String firstMissing;
    private final String lastMissing;
    private final String archivedPosition;

    WalGapException(String targetId, String firstMissing, String lastMissing, String archivedPosition,
            String serverMessage, Throwable cause) {
        super("WAL gap in the archive of target '" + targetId + "': segments " + firstMissing + " to " + lastMissing
                + " are no longer on the server and were never stored (server: " + serverMessage
                + "); take a new base backup", cause);
        this.firstMissing = firstMissing;
        this.lastMissing = lastMissing;
        this.archivedPosition = archivedPosition;
    }

    /** The end of the stored WAL: the first byte of {@link #firstMissing()}. */
    public String archivedPosition() {
        return archivedPosition;
    }

    /** The first segment that is missing from the archive. */
    public String firstMissing() {
        return firstMissing;
    }

    /** The last segment known to be missing (the one before the oldest the server still keeps). */
    public String lastMissing() {
        return lastMissing;
    }
}
