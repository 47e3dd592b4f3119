package io.lifeboat.agent.mongo.oplog;

import java.time.Instant;
import java.util.Set;

import com.mongodb.MongoCommandException;
import com.mongodb.MongoSecurityException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;

import io.lifeboat.events.Engine;
import io.lifeboat.events.archive.ArchiveFailed;
import io.lifeboat.events.archive.ArchiveFailure;

/** Turns why oplog capture stopped into an {@link ArchiveFailed} fact with its kind and a reason. */
final class OplogFailures {

    // Unauthorized, AuthenticationFailed, NotWritablePrimary-like states are not unavailability; these are.
    private static final Set<Integer> SOURCE_CODES = Set.of(13, 18, 91, 189, 11600, 11602);

    private OplogFailures() {
    }

    /** The fact for {@code cause}; {@code archived} is the newest stored position, if known. */
    static ArchiveFailed of(String targetId, Throwable cause, OplogPosition archived, Instant now) {
        String reason = "continuous oplog capture of target '" + targetId + "' stopped: " + describe(cause);
        if (cause instanceof OplogGapException gap) {
            return new ArchiveFailed(targetId, Engine.MONGODB, ArchiveFailure.GAP, "continuous oplog capture of"
                    + " target '" + targetId + "' found a gap: " + gap.getMessage(),
                    gap.gap().lastCaptured()
                            .toString(),
                    gap.gap().lastCaptured().toString(), gap.gap().oldestAvailable().toString(),
                    null, true, now);
        }
        return new ArchiveFailed(targetId, Engine.MONGODB, kind(cause), reason, archived == null
                ? null
                : archived
                        .toString(),
                null, null, null, true, now);
    }

    static ArchiveFailure kind(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof OplogGapException) {
                return ArchiveFailure.GAP;
            }
            if (t instanceof OplogStoreException) {
                return ArchiveFailure.STORE_UNAVAILABLE;
            }
            if (t instanceof MongoSocketException || t instanceof MongoTimeoutException
                    || t instanceof MongoSecurityException || t instanceof MongoCommandException command
                            && SOURCE_CODES.contains(command.getErrorCode())) {
                return ArchiveFailure.SOURCE_UNAVAILABLE;
            }
        }
        return ArchiveFailure.OTHER;
    }

    /** The message, followed by the root cause's when it says something else. */
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
