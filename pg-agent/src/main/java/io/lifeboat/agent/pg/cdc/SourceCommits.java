package io.lifeboat.agent.pg.cdc;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Map.Entry;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.postgresql.replication.LogSequenceNumber;

import io.lifeboat.events.archive.ArchiveProgressed;

/**
 * The newest changes seen per target by change capture, in LSN order: the newest one (for RPO lag) and a bounded
 * history (the last {@value #MAX_POINTS} points, none older than {@link #MAX_AGE} before the newest) that maps a WAL
 * position to the commit time of the newest transaction at or below it. Thread-safe.
 */
@ApplicationScoped
public class SourceCommits {

    static final int MAX_POINTS = 10_000;
    static final Duration MAX_AGE = Duration.ofMinutes(10);

    private final Map<String, NavigableMap<Long, CommitPoint>> byTarget = new ConcurrentHashMap<>();

    /** Records a change of {@code targetId}; an LSN seen before keeps the first point (a re-sent batch). */
    public void record(String targetId, CommitPoint point) {
        NavigableMap<Long, CommitPoint> points = byTarget.computeIfAbsent(targetId, id -> new TreeMap<>());
        synchronized (points) {
            points.putIfAbsent(point.lsn(), point);
            while (points.size() > MAX_POINTS) {
                points.pollFirstEntry();
            }
            Instant oldest = points.lastEntry().getValue().commitTime().minus(MAX_AGE);
            while (points.size() > 1 && points.firstEntry().getValue().commitTime().isBefore(oldest)) {
                points.pollFirstEntry();
            }
        }
    }

    /**
     * {@code report} with its head commit time made exact: the commit time of the newest captured change at or
     * below the head position, when that is later than the archiver's own reading (which lags by up to a second
     * without {@code track_commit_timestamp}). The archived commit time is left alone: a change's LSN is not its
     * commit record's, so it cannot prove that a commit is archived.
     */
    public ArchiveProgressed refineHead(ArchiveProgressed report) {
        long head;
        try {
            head = LogSequenceNumber.valueOf(report.headPosition()).asLong();
        } catch (RuntimeException e) {
            return report;
        }
        Optional<CommitPoint> point = atOrBelow(report.targetId(), head);
        if (point.isEmpty() || !point.get().commitTime().isAfter(report.headCommitTime())) {
            return report;
        }
        return new ArchiveProgressed(report.targetId(), report.engine(), report.archivedPosition(),
                report.archivedCommitTime(), report.headPosition(), point.get().commitTime(), report.timeline(),
                report.segment(), report.location(), report.observedAt());
    }

    /** The change with the highest LSN seen for {@code targetId}, if any. */
    public Optional<CommitPoint> newest(String targetId) {
        return read(targetId, points -> points.lastEntry());
    }

    /**
     * The change with the highest LSN at or below {@code lsn}, if the history reaches back that far. Its
     * transaction's commit record lies after the change, so it may be above {@code lsn} (see cdc/DESIGN.md).
     */
    public Optional<CommitPoint> atOrBelow(String targetId, long lsn) {
        return read(targetId, points -> points.floorEntry(lsn));
    }

    /** Every remembered change of {@code targetId} committed at or after {@code from}, in LSN order. */
    public List<CommitPoint> since(String targetId, Instant from) {
        NavigableMap<Long, CommitPoint> points = byTarget.get(targetId);
        if (points == null) {
            return List.of();
        }
        synchronized (points) {
            return points.values().stream().filter(p -> !p.commitTime().isBefore(from)).toList();
        }
    }

    private Optional<CommitPoint> read(String targetId,
            Function<NavigableMap<Long, CommitPoint>, Entry<Long, CommitPoint>> query) {
        NavigableMap<Long, CommitPoint> points = byTarget.get(targetId);
        if (points == null) {
            return Optional.empty();
        }
        synchronized (points) {
            return Optional.ofNullable(points.isEmpty() ? null : query.apply(points)).map(Entry::getValue);
        }
    }
}
