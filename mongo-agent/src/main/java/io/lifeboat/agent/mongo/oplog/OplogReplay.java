package io.lifeboat.agent.mongo.oplog;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.bson.BsonDocument;
import org.bson.RawBsonDocument;

/**
 * Replays oplog entries in order through an {@link OplogApplier} up to a target (an oplog position or a wall clock
 * time, both inclusive) and reports the last applied position; reading from an {@link OplogStore} it refuses to cross
 * a stored gap.
 */
public final class OplogReplay {

    private final OplogApplier applier;

    /** A replay that applies through {@code applier}. */
    public OplogReplay(OplogApplier applier) {
        this.applier = applier;
    }

    /**
     * Where a replay stops: at an oplog position or at a wall clock time (the entry's {@code wall}, or its
     * {@code ts} seconds before MongoDB 4.4), inclusive or not.
     *
     * @param position last position to apply (empty: none)
     * @param time last wall clock time to apply (empty: none)
     * @param inclusive whether an entry exactly at the position or time is applied
     */
    public record Until(Optional<OplogPosition> position, Optional<Instant> time, boolean inclusive) {

        /** Everything up to and including {@code position}. */
        public static Until position(OplogPosition position) {
            return position(position, true);
        }

        /** Everything before {@code position}, and the entry at it when {@code inclusive}. */
        public static Until position(OplogPosition position, boolean inclusive) {
            return new Until(Optional.of(position), Optional.empty(), inclusive);
        }

        /** Everything written at or before {@code time}. */
        public static Until time(Instant time) {
            return time(time, true);
        }

        /** Everything written before {@code time}, and at it when {@code inclusive}. */
        public static Until time(Instant time, boolean inclusive) {
            return new Until(Optional.empty(), Optional.of(time), inclusive);
        }

        boolean admits(BsonDocument entry) {
            return position.map(p -> within(OplogEntries.ts(entry).compareTo(p))).orElse(true) && time.map(
                    t -> within(OplogEntries.wall(entry).compareTo(t))).orElse(true);
        }

        private boolean within(int comparison) {
            return inclusive ? comparison <= 0 : comparison < 0;
        }
    }

    /**
     * What a replay did.
     *
     * @param lastApplied position of the last applied entry (empty: none applied)
     * @param lastAppliedAt wall clock time of the last applied entry (empty: none applied)
     * @param applied number of entries applied
     * @param reachedTarget whether an entry past the target was seen, so nothing before the target is missing
     */
    public record Result(Optional<OplogPosition> lastApplied, Optional<Instant> lastAppliedAt, long applied,
            boolean reachedTarget) {
    }

    /** Applies {@code entries} (in oplog order) after {@code from} (exclusive, empty: all) while {@code until} admits. */
    public Result replay(Iterable<? extends BsonDocument> entries, Optional<OplogPosition> from, Until until) {
        Progress progress = new Progress(from);
        for (BsonDocument entry : entries) {
            if (!progress.offer(entry, until)) {
                return progress.result(true);
            }
        }
        return progress.result(false);
    }

    /** Replays the stored slices of {@code store} after {@code from} (exclusive) up to {@code until}. */
    public Result replay(OplogStore store, OplogPosition from, Until until) throws IOException {
        refuseGaps(store, from, until);
        Progress progress = new Progress(Optional.of(from));
        for (OplogSlice slice : store.slices()) {
            if (!slice.last().isAfter(from)) {
                continue;
            }
            List<RawBsonDocument> entries = store.read(slice);
            for (BsonDocument entry : entries) {
                if (!progress.offer(entry, until)) {
                    return progress.result(true);
                }
            }
        }
        return progress.result(false);
    }

    /** Fails with {@link OplogGapException} when a stored gap lies between {@code from} and {@code until}. */
    public static void refuseGaps(OplogStore store, OplogPosition from, Until until) throws IOException {
        OplogPosition bound = until.position().orElse(new OplogPosition(0xFFFFFFFFL, 0xFFFFFFFFL));
        for (OplogGap gap : store.gaps()) {
            if (gap.crossedBy(from, bound) && until.time().map(t -> !t.isBefore(Instant.ofEpochSecond(gap
                    .lastCaptured().seconds()))).orElse(true)) {
                throw new OplogGapException(store.targetId(), gap);
            }
        }
    }

    private final class Progress {

        private final Optional<OplogPosition> from;
        private OplogPosition last;
        private Instant lastAt;
        private long applied;

        Progress(Optional<OplogPosition> from) {
            this.from = from;
        }

        /** Applies the entry unless it is before the start; false when it is past the target. */
        boolean offer(BsonDocument entry, Until until) {
            OplogPosition ts = OplogEntries.ts(entry);
            if (from.isPresent() && !ts.isAfter(from.get()) || last != null && !ts.isAfter(last)) {
                return true;
            }
            if (!until.admits(entry)) {
                return false;
            }
            applier.apply(entry);
            last = ts;
            lastAt = OplogEntries.wall(entry);
            applied++;
            return true;
        }

        Result result(boolean reached) {
            return new Result(Optional.ofNullable(last), Optional.ofNullable(lastAt), applied, reached);
        }
    }
}
