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
