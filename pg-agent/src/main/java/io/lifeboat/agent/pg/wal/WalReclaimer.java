package io.lifeboat.agent.pg.wal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Deletes the archived WAL of one target that no retained backup needs: every segment and {@code .partial}, of any
 * timeline, that ends at or before a keep position. History files always stay.
 */
final class WalReclaimer {

    private WalReclaimer() {
    }

    /**
     * What one reclaim deleted.
     *
     * @param objects segments and partials deleted
     * @param bytes their stored size
     */
    record Reclaimed(int objects, long bytes) {
    }

    private record Candidate(String timelineHex, String name, long segmentNumber, long size) {
    }

    /**
     * Deletes every segment object of {@code store} whose end ({@code (segment number + 1) * segmentSize}) is at or
     * before {@code keepLsn}, oldest segment first.
     */
    static Reclaimed reclaim(WalStore store, long keepLsn, long segmentSize) throws IOException {
        List<Candidate> doomed = new ArrayList<>();
        for (String timelineHex : store.timelines()) {
            for (Map.Entry<String, Long> object : store.sizes(timelineHex).entrySet()) {
                String name = object.getKey();
                String segment = name.endsWith(WalStore.PARTIAL_SUFFIX)
                        ? name.substring(0, name.length() - WalStore.PARTIAL_SUFFIX.length())
                        : name;
                if (!WalSegments.isSegmentName(segment)) {
                    continue;
                }
                long number = WalSegments.segmentNumber(segment, segmentSize);
                // A segment covers [number * size, (number + 1) * size): it goes only when all of it is before keep.
                if ((number + 1) * segmentSize <= keepLsn) {
                    doomed.add(new Candidate(timelineHex, name, number, object.getValue()));
                }
            }
        }
        // Oldest first, so a reclaim that fails half way leaves a contiguous archive, never a hole in the middle.
        doomed.sort(Comparator.comparingLong(Candidate::segmentNumber).thenComparing(Candidate::timelineHex)
                .thenComparing(Candidate::name));
        long bytes = 0;
        for (Candidate candidate : doomed) {
            store.delete(candidate.timelineHex(), candidate.name());
            bytes += candidate.size();
        }
        return new Reclaimed(doomed.size(), bytes);
    }
}
