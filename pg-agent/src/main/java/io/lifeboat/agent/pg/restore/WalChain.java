package io.lifeboat.agent.pg.restore;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.lifeboat.agent.pg.wal.TimelineHistory;
import io.lifeboat.agent.pg.wal.WalSegments;
import io.lifeboat.agent.pg.wal.WalStore;

/**
 * The archived WAL a restore replays after a base backup: the timeline to recover along (the newest stored one that
 * descends from the backup), every file PostgreSQL may ask for by name (segments and history files), the segments
 * in replay order, and the segments missing from the chain.
 *
 * <p>
 * For each segment number PostgreSQL asks for the newest timeline of its history that had begun by that segment
 * (so the segment holding a switch point is read from the child timeline); this plan follows the same rule. The
 * {@code .partial} tail of the newest stored segment is served under the segment's own name, padded by the spool.
 */
final class WalChain {

    /**
     * One file PostgreSQL may ask for.
     *
     * @param requestName the name PostgreSQL asks for ({@code %f})
     * @param timelineHex the store folder
     * @param objectName the stored object ({@code .partial} for the tail)
     * @param segment whether it is a WAL segment (padded to the segment size when partial)
     */
    record WalFile(String requestName, String timelineHex, String objectName, boolean segment) {

        boolean partial() {
            return objectName.endsWith(WalStore.PARTIAL_SUFFIX);
        }
    }

    private final long targetTimeline;
    private final List<WalFile> sequence;
    private final Map<String, WalFile> index;
    private final List<String> missing;

    private WalChain(long targetTimeline, List<WalFile> sequence, Map<String, WalFile> index, List<String> missing) {
        this.targetTimeline = targetTimeline;
        this.sequence = List.copyOf(sequence);
        this.index = Map.copyOf(index);
        this.missing = List.copyOf(missing);
    }

    /**
     * Plans the replay after a backup that started at {@code startLsn} and is consistent at {@code stopLsn} on
     * {@code backupTimeline}.
     */
    static WalChain plan(WalStore store, long backupTimeline, long startLsn, long stopLsn, long segmentSize)
            throws IOException {
        Map<Long, TimelineHistory> histories = new HashMap<>();
        long target = backupTimeline;
        for (String hex : store.timelines()) {
            long timeline = Long.parseLong(hex, 16);
            Optional<byte[]> content = timeline == 1 ? Optional.empty() : store.history(hex);
            TimelineHistory history = content.map(bytes -> TimelineHistory.parse(timeline, bytes))
                    .orElse(TimelineHistory.root(timeline));
            histories.put(timeline, history);
            boolean descends = timeline == backupTimeline
                    || history.switchPoint(backupTimeline).orElse(-1) >= stopLsn;
            if (descends && timeline > target) {
                target = timeline;
            }
        }
        TimelineHistory targetHistory = histories.getOrDefault(target, TimelineHistory.root(target));
        List<PathEntry> path = path(targetHistory, backupTimeline, segmentSize);

        Map<Long, Set<String>> objects = new HashMap<>();
        for (PathEntry entry : path) {
            objects.put(entry.timeline, new HashSet<>(store.objects(WalSegments.timelineHex(entry.timeline))));
        }
        long startSegment = startLsn / segmentSize;
        long stopSegment = stopLsn / segmentSize;
        long tip = tipSegment(path, objects, segmentSize);

        List<WalFile> sequence = new ArrayList<>();
        Map<String, WalFile> index = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (long segno = startSegment; segno <= tip; segno++) {
            long timeline = timelineOf(path, segno);
            String hex = WalSegments.timelineHex(timeline);
            String name = WalSegments.fileName(timeline, segno, segmentSize);
            Set<String> stored = objects.get(timeline);
            WalFile file = null;
            if (stored.contains(name)) {
                file = new WalFile(name, hex, name, true);
            } else if (segno == tip && stored.contains(name + WalStore.PARTIAL_SUFFIX)) {
                file = new WalFile(name, hex, name + WalStore.PARTIAL_SUFFIX, true);
            } else if (segno >= stopSegment) {
                missing.add(name);
            }
            if (file != null) {
                sequence.add(file);
                index.put(name, file);
            }
        }
        for (PathEntry entry : path) {
            String hex = WalSegments.timelineHex(entry.timeline);
            String history = WalStore.historyFileName(hex);
            if (objects.get(entry.timeline).contains(history)) {
                index.put(history, new WalFile(history, hex, history, false));
            }
        }
        return new WalChain(target, sequence, index, missing);
    }

    private record PathEntry(long timeline, long beginSegment) {
    }

    /** The timelines from the backup's to the target, each with the segment it begins in. */
    private static List<PathEntry> path(TimelineHistory target, long backupTimeline, long segmentSize) {
        List<PathEntry> path = new ArrayList<>();
        long begin = 0;
        for (TimelineHistory.Entry ancestor : target.ancestors()) {
            if (ancestor.timeline() >= backupTimeline) {
                path.add(new PathEntry(ancestor.timeline(), begin / segmentSize));
            }
            begin = ancestor.switchPoint();
        }
        path.add(new PathEntry(target.timeline(), begin / segmentSize));
        return path;
    }

    private static long timelineOf(List<PathEntry> path, long segno) {
        long timeline = path.get(0).timeline;
        for (PathEntry entry : path) {
            if (entry.beginSegment <= segno) {
                timeline = entry.timeline;
            }
        }
        return timeline;
    }

    /** The highest segment number stored on the path, complete or partial; -1 when nothing is stored. */
    private static long tipSegment(List<PathEntry> path, Map<Long, Set<String>> objects, long segmentSize) {
        long tip = -1;
        for (PathEntry entry : path) {
            for (String name : objects.get(entry.timeline)) {
                String segment = name.endsWith(WalStore.PARTIAL_SUFFIX)
                        ? name.substring(0, name.length() - WalStore.PARTIAL_SUFFIX.length())
                        : name;
                if (WalSegments.isSegmentName(segment) && timelineOf(path, WalSegments.segmentNumber(segment,
                        segmentSize)) == entry.timeline) {
                    tip = Math.max(tip, WalSegments.segmentNumber(segment, segmentSize));
                }
            }
        }
        return tip;
    }

    /** The newest timeline that descends from the backup; recovery follows it. */
    long targetTimeline() {
        return targetTimeline;
    }

    /** Stored segments in replay order (those before the backup's end only when archived). */
    List<WalFile> sequence() {
        return sequence;
    }

    /** Every file PostgreSQL may ask for, by the name it asks for. */
    Map<String, WalFile> index() {
        return index;
    }

    /** Segments from the backup's end to the tip that are not stored: holes in the chain, in order. */
    List<String> missing() {
        return missing;
    }
}
