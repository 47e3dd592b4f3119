package io.lifeboat.events.archive;

import java.time.Instant;

import io.lifeboat.events.Engine;
import io.lifeboat.events.LifeboatMessage;
import io.lifeboat.events.Require;
import io.lifeboat.events.backup.StorageLocation;

/**
 * Continuous log archiving of a target moved its tip: WAL segments or oplog slices up to a position are stored.
 *
 * @param targetId id of the target whose log is archived
 * @param engine engine of the target
 * @param archivedPosition newest log position stored, as the engine prints it (LSN {@code 0/3000060}, oplog {@code 1763690400:1})
 * @param archivedCommitTime commit time of the newest transaction at or before archivedPosition
 * @param headPosition position of the source's log head when the tip was measured
 * @param headCommitTime commit time of the newest transaction at or before headPosition
 * @param timeline PostgreSQL timeline the archived position belongs to (optional)
 * @param segment name of the last stored WAL segment or oplog slice
 * @param location bucket and prefix under which the log segments are stored
 * @param observedAt instant the tip and the head were read
 */
public record ArchiveProgressed(String targetId, Engine engine, String archivedPosition, Instant archivedCommitTime,
        String headPosition, Instant headCommitTime, Long timeline, String segment, StorageLocation location,
        Instant observedAt) implements LifeboatMessage {

    /**
     * Validates ids, positions, times and location.
     */
    public ArchiveProgressed {
        Require.nonBlank(targetId, "ArchiveProgressed.targetId");
        Require.nonNull(engine, "ArchiveProgressed.engine");
        Require.nonBlank(archivedPosition, "ArchiveProgressed.archivedPosition");
        Require.nonNull(archivedCommitTime, "ArchiveProgressed.archivedCommitTime");
        Require.nonBlank(headPosition, "ArchiveProgressed.headPosition");
        Require.nonNull(headCommitTime, "ArchiveProgressed.headCommitTime");
        Require.nonBlank(segment, "ArchiveProgressed.segment");
        Require.nonNull(location, "ArchiveProgressed.location");
        Require.nonNull(observedAt, "ArchiveProgressed.observedAt");
    }
}
