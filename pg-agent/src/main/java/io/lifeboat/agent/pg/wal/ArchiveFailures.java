package io.lifeboat.agent.pg.wal;

import java.sql.SQLException;
import java.time.Instant;
import java.util.Set;

import io.lifeboat.events.Engine;
import io.lifeboat.events.archive.ArchiveFailed;
import io.lifeboat.events.archive.ArchiveFailure;
import io.lifeboat.events.archive.ArchiveProgressed;

/** Turns why a {@link WalArchiver} stopped into an {@link ArchiveFailed} fact with its kind and a reason. */
final class ArchiveFailures {

    // SQLSTATE classes and codes of a source that cannot be reached or refuses the archiver: connection exceptions,
    // authentication, unknown database, insufficient resources, operator intervention, no REPLICATION attribute.
    private static final Set<String> SOURCE_CLASSES = Set.of("08", "28", "3D", "53", "57");
    private static final Set<String> SOURCE_CODES = Set.of("42501");

    private ArchiveFailures() {
    }

    /** The fact for {@code cause}; {@code last} is the newest progress report of the target, if any. */
    static ArchiveFailed of(String targetId, Exception cause, ArchiveProgressed last, Instant now) {
        String position = last == null ? null : last.archivedPosition();
        Long timeline = last == null ? null : last.timeline();
        String reason = "continuous WAL archiving of target '" + targetId + "' stopped: " + describe(cause);
        if (cause instanceof WalGapException gap) {
            return new ArchiveFailed(targetId, Engine.POSTGRES, ArchiveFailure.GAP, reason, gap.archivedPosition(),
                    gap.firstMissing(), gap.lastMissing(), Long.parseLong(gap.firstMissing().substring(0, 8), 16),
                    true, now);
        }
        return new ArchiveFailed(targetId, Engine.POSTGRES, kind(cause), reason, position, null, null, timeline,
                true, now);
    }

    static ArchiveFailure kind(Throwable cause) {
        if (cause instanceof WalTimelineException) {
            return ArchiveFailure.TIMELINE;
        }
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof WalStoreException) {
                return ArchiveFailure.STORE_UNAVAILABLE;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null && (SOURCE_CODES.contains(sql
                    .getSQLState()) || SOURCE_CLASSES.contains(sql.getSQLState().substring(0, 2)))) {
                return ArchiveFailure.SOURCE_UNAVAILABLE;
            }
        }
        return ArchiveFailure.OTHER;
    }

    /** The message, followed by the root cause's when it says something else (PgJDBC never puts passwords there). */
    private static String describe(Throwable cause) {
        String message = String.valueOf(cause.getMessage());
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root != cause && root.getMessage() != null && !message.contains(root.getMessage())) {
            message += " (cause: " + root + ")";
        }
        return message;
    }
}
