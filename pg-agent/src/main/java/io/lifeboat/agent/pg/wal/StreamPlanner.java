package io.lifeboat.agent.pg.wal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Decides what the next stream covers, from the store and the server's timeline history: the timeline, the first
 * byte (a segment boundary after the newest complete segment stored) and, for a timeline the server has left, its
 * switch point. Stores the history file of every timeline it enters that the store lacks.
 */
final class StreamPlanner {

    /** No end: the server's current timeline. */
    static final long OPEN = Long.MAX_VALUE;

    /**
     * One stream to run.
     *
     * @param timeline the timeline to stream ({@code START_REPLICATION ... TIMELINE})
     * @param start the first byte, a segment boundary
     * @param end the switch point where the timeline ends, or {@link #OPEN}
     * @param fromStore whether {@code start} follows WAL in the store (else the slot's {@code restart_lsn})
     */
    record Stretch(long timeline, long start, long end, boolean fromStore) {

        boolean historic() {
            return end != OPEN;
        }
    }

    private final WalStore store;
    private final String targetId;

    StreamPlanner(WalStore store, String targetId) {
        this.store = store;
        this.targetId = targetId;
    }

    /** The newest timeline that has WAL in the store (0 when none). */
    long newestStoredTimeline() throws IOException {
        return store.newestWalTimeline().orElse(0);
    }

    Stretch plan(WalSource source, long segmentSize, long serverTimeline, long restartLsn)
            throws IOException, SQLException {
        TimelineHistory server = serverTimeline == 1
                ? TimelineHistory.first()
                : TimelineHistory.parse(serverTimeline, historyOf(source, serverTimeline, null));
        List<Long> chain = chain(server);
        OptionalLong stored = store.newestWalTimeline();
        long timeline;
        long start;
        boolean fromStore;
        if (stored.isPresent()) {
            timeline = stored.getAsLong();
            if (!chain.contains(timeline)) {
                throw new WalTimelineException("the archive of target '" + targetId + "' ends on timeline "
                        + timeline + ", which is not in the history of the server's timeline " + serverTimeline
                        + " (" + chain + "); take a new base backup");
            }
            start = resumeOn(timeline, server, segmentSize).orElseThrow();
            fromStore = true;
        } else {
            long slotStart = restartLsn / segmentSize * segmentSize;
            start = slotStart;
            timeline = chain.stream().filter(t -> end(server, t) > slotStart).findFirst().orElse(serverTimeline);
            fromStore = false;
        }
        while (timeline != serverTimeline && finished(timeline, start, end(server, timeline), segmentSize)) {
            long next = server.childOf(timeline);
            start = end(server, timeline) / segmentSize * segmentSize;
            timeline = next;
            fromStore = true;
        }
        if (timeline > 1) {
            historyOf(source, timeline, server);
        }
        return new Stretch(timeline, start, end(server, timeline), fromStore);
    }

    /** After the newest complete segment of {@code timeline}, else at its first {@code .partial} or its start. */
    private OptionalLong resumeOn(long timeline, TimelineHistory server, long segmentSize) throws IOException {
        String hex = WalSegments.timelineHex(timeline);
        Optional<String> tip = store.highestSegment(hex);
        if (tip.isPresent()) {
            return OptionalLong.of((WalSegments.segmentNumber(tip.get(), segmentSize) + 1) * segmentSize);
        }
        Optional<String> partial = store.lowestPartial(hex);
        if (partial.isPresent()) {
            return OptionalLong.of(WalSegments.segmentNumber(partial.get(), segmentSize) * segmentSize);
        }
        long parent = parentOf(server, timeline);
        return OptionalLong.of(parent == 0 ? 0 : server.switchPoint(parent).getAsLong() / segmentSize * segmentSize);
    }

    /** A left timeline is done when every byte up to its switch point is stored (the last ones as its .partial). */
    private boolean finished(long timeline, long start, long end, long segmentSize) throws IOException {
        if (start >= end) {
            return true;
        }
        long last = end / segmentSize * segmentSize;
        if (start != last) {
            return false;
        }
        String segment = WalSegments.segmentOf(timeline, last, segmentSize);
        return store.partialLength(WalSegments.timelineHex(timeline), segment).orElse(0) >= end - last;
    }

    /**
     * The history file of {@code timeline}, from the store, else from the server (then stored). When the server has
     * lost an older timeline's file, its lines are the first lines of the newer file, which PostgreSQL copies.
     */
    private byte[] historyOf(WalSource source, long timeline, TimelineHistory newer) throws IOException, SQLException {
        String hex = WalSegments.timelineHex(timeline);
        Optional<byte[]> stored = store.history(hex);
        if (stored.isPresent()) {
            return stored.get();
        }
        byte[] content;
        try {
            content = source.timelineHistory(timeline);
        } catch (SQLException e) {
            if (newer == null || newer.timeline() == timeline) {
                throw new WalTimelineException("unable to read the history file of timeline " + timeline
                        + " of target '" + targetId + "' (TIMELINE_HISTORY " + timeline + "): " + e.getMessage(), e);
            }
            content = newer.prefixFor(timeline).getBytes(StandardCharsets.UTF_8);
        }
        store.putHistory(hex, content);
        return content;
    }

    private static List<Long> chain(TimelineHistory server) {
        List<Long> chain = new ArrayList<>(server.ancestors().stream().map(TimelineHistory.Entry::timeline).toList());
        chain.add(server.timeline());
        return chain;
    }

    private static long end(TimelineHistory server, long timeline) {
        return server.switchPoint(timeline).orElse(OPEN);
    }

    private static long parentOf(TimelineHistory server, long timeline) {
        long parent = 0;
        for (TimelineHistory.Entry e : server.ancestors()) {
            if (e.timeline() == timeline) {
                return parent;
            }
            parent = e.timeline();
        }
        return parent;
    }
}
