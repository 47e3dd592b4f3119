package io.lifeboat.agent.pg.wal;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * Maps an archived LSN to a commit time without parsing WAL: keeps recent head readings and answers with the
 * newest reading whose LSN the archive has reached. Its commit time is never later than the truth; it lags by at
 * most one sampling interval.
 */
final class CommitClock {

    private static final int MAX_SAMPLES = 600;

    private final Deque<HeadSample> samples = new ArrayDeque<>();

    void add(HeadSample sample) {
        samples.addLast(sample);
        if (samples.size() > MAX_SAMPLES) {
            samples.removeFirst();
        }
    }

    /** The newest reading at or below {@code archivedLsn}; readings it supersedes are dropped. */
    Optional<HeadSample> reachedBy(long archivedLsn) {
        HeadSample best = null;
        while (!samples.isEmpty() && samples.peekFirst().lsn() <= archivedLsn) {
            best = samples.removeFirst();
        }
        if (best != null) {
            // Kept so that the next call without a newer reading answers the same.
            samples.addFirst(best);
        }
        return Optional.ofNullable(best);
    }
}
