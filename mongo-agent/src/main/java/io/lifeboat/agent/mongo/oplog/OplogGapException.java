package io.lifeboat.agent.mongo.oplog;

import java.io.IOException;

/**
 * Oplog entries between the newest captured entry and the oldest entry the source still has are lost: the source's
 * oplog rolled over before they were captured, so no replay can cross that stretch.
 */
public final class OplogGapException extends IOException {

    private static final long serialVersionUID = 1L;

    private final transient OplogGap gap;

    /** The hole {@code gap} of target {@code targetId}. */
    public OplogGapException(String targetId, OplogGap gap) {
        super("oplog gap in the capture of target '" + targetId + "': entries after " + gap.lastCaptured()
                + " and before " + gap.oldestAvailable() + " were removed from the source's oplog before they were"
                + " captured; point-in-time restore across them is impossible, take a new full backup");
        this.gap = gap;
    }

    /** The hole. */
    public OplogGap gap() {
        return gap;
    }
}
