package io.lifeboat.agent.pg.wal;

import java.io.IOException;

/** The archiver cannot follow the server's timelines (e.g. the archive's timeline is not an ancestor of the server's). */
public final class WalTimelineException extends IOException {

    private static final long serialVersionUID = 1L;

    WalTimelineException(String message) {
        super(message);
    }

    WalTimelineException(String message, Throwable cause) {
        super(message, cause);
    }
}
