package io.lifeboat.agent.mongo.oplog;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Deletes the captured oplog of one target that no retained backup needs: every slice whose last position is
 * strictly before a keep position, and the gap markers no retained backup can replay across any more.
 */
public final class OplogReclaimer {

    private OplogReclaimer() {
    }

    /**
     * What one reclaim deleted.
     *
     * @param slices slices deleted
     * @param gaps gap markers deleted
     * @param bytes their stored size
     */
    public record Reclaimed(int slices, int gaps, long bytes) {
    }

    /**
     * Deletes, oldest first, every slice of {@code store} that ends strictly before {@code keep}, then every gap
     * marker whose hole ends at or before {@code keep} and before the oldest slice that remains.
     */
    public static Reclaimed reclaim(OplogStore store, OplogPosition keep) throws IOException {
        Map<String, Long> sizes = store.sizes();
        List<OplogSlice> slices = store.slices();
        List<OplogSlice> doomed = slices.stream().filter(slice -> keep.isAfter(slice.last())).toList();
        long bytes = 0;
        for (OplogSlice slice : doomed) {
            store.delete(slice);
            bytes += sizes.getOrDefault(slice.name(), 0L);
        }
        Optional<OplogSlice> oldestLeft = slices.stream().filter(slice -> !doomed.contains(slice)).findFirst();
        int gaps = 0;
        for (OplogGap gap : store.gaps()) {
            if (obsolete(gap, keep, oldestLeft)) {
                store.delete(gap);
                bytes += sizes.getOrDefault(gap.name(), 0L);
                gaps++;
            }
        }
        return new Reclaimed(doomed.size(), gaps, bytes);
    }

    /**
     * A marker documents lost history as long as some replay could cross it. Every retained backup replays from a
     * position at or after {@code keep}, so a hole whose oldest available entry is at or before it can no longer be
     * crossed; it must also lie before every remaining slice, so that the store never shows slices with an
     * unexplained hole before them.
     */
    private static boolean obsolete(OplogGap gap, OplogPosition keep, Optional<OplogSlice> oldestLeft) {
        return !gap.oldestAvailable().isAfter(keep)
                && oldestLeft.map(slice -> !gap.oldestAvailable().isAfter(slice.first())).orElse(true);
    }
}
