package io.lifeboat.catalog.domain;

import java.time.Duration;
import java.time.Instant;

import io.lifeboat.events.archive.ArchiveProgressed;

/**
 * The newest tip of a target's continuous log archive, as its agent last reported it.
 *
 * @param archivedPosition newest log position stored
 * @param archivedCommitTime commit time of the newest archived transaction
 * @param headPosition source's log head when the tip was measured
 * @param headCommitTime commit time of the newest transaction at the head
 * @param segment last stored WAL segment or oplog slice
 * @param observedAt instant the agent read tip and head
 */
public record ArchiveTip(String archivedPosition, Instant archivedCommitTime, String headPosition,
        Instant headCommitTime, String segment, Instant observedAt) {

    /**
     * Takes the tip of a progress report.
     *
     * @param fact the report
     * @return its tip
     */
    public static ArchiveTip of(ArchiveProgressed fact) {
        return new ArchiveTip(fact.archivedPosition(), fact.archivedCommitTime(), fact.headPosition(),
                fact.headCommitTime(), fact.segment(), fact.observedAt());
    }

    /**
     * The newest instant a restore can reach through this archive: when the tip had caught up with the head, the
     * source's state at {@code observedAt} is restorable even if nothing was committed for hours; otherwise the
     * point lies as far before {@code observedAt} as the archive trailed the head.
     *
     * @return the effective restorable point, never before {@code archivedCommitTime}
     */
    public Instant restorablePoint() {
        Duration trailing = Duration.between(archivedCommitTime, headCommitTime);
        Instant point = trailing.isNegative() ? observedAt : observedAt.minus(trailing);
        return point.isBefore(archivedCommitTime) ? archivedCommitTime : point;
    }
}
