package io.lifeboat.events.archive;

import java.time.Instant;

import io.lifeboat.events.Engine;
import io.lifeboat.events.LifeboatMessage;
import io.lifeboat.events.Require;

/**
 * Continuous log archiving of a target stopped; nothing after {@code archivedPosition} is restorable until a later
 * {@link ArchiveProgressed} (or, after a gap, a new base backup) says otherwise.
 *
 * @param targetId id of the target whose log is archived
 * @param engine engine of the target
 * @param failure kind of failure
 * @param reason human-readable cause, naming the segment, position or object and the error
 * @param archivedPosition newest log position stored before the failure (optional)
 * @param missingFrom first log segment or position that is lost, for a gap (optional)
 * @param missingTo last log segment or position that is lost, for a gap (optional)
 * @param timeline PostgreSQL timeline the archiver was on (optional)
 * @param retrying whether the agent keeps retrying by itself (a gap needs a new base backup, so it is reported once per retry)
 * @param failedAt instant the failure was seen
 */
public record ArchiveFailed(String targetId, Engine engine, ArchiveFailure failure, String reason,
        String archivedPosition, String missingFrom, String missingTo, Long timeline, boolean retrying,
        Instant failedAt) implements LifeboatMessage {

    /**
     * Validates ids, kind, reason and time.
     */
    public ArchiveFailed {
        Require.nonBlank(targetId, "ArchiveFailed.targetId");
        Require.nonNull(engine, "ArchiveFailed.engine");
        Require.nonNull(failure, "ArchiveFailed.failure");
        Require.nonBlank(reason, "ArchiveFailed.reason");
        Require.nonNull(failedAt, "ArchiveFailed.failedAt");
    }
}
