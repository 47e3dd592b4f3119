package io.lifeboat.catalog.streams;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

import io.lifeboat.catalog.domain.Durations;
import io.lifeboat.catalog.domain.NoteSeverity;
import io.lifeboat.catalog.domain.RpoEdge;
import io.lifeboat.catalog.domain.RpoMeter;
import io.lifeboat.catalog.domain.RpoReading;
import io.lifeboat.catalog.domain.RpoState;
import io.lifeboat.catalog.domain.TargetNote;
import io.lifeboat.catalog.domain.TargetState;
import io.lifeboat.events.archive.ArchiveProgressed;
import io.lifeboat.events.envelope.Envelope;
import io.lifeboat.events.rpo.RpoBreached;
import io.lifeboat.events.rpo.RpoLagMeasured;
import io.lifeboat.events.rpo.RpoRestored;
import io.lifeboat.events.streams.StreamsEmitter;

/**
 * Publishes every protected target's RPO lag and its breach edges. A fold that moves a target's restorable point
 * publishes at once (an archive tip at most once per tick); the wall-clock tick publishes edges as soon as they happen and an unchanged lag every
 * {@code publishInterval}. What was last published is kept in memory only: after a restart every target is
 * published again, which a compacted topic absorbs.
 */
final class RpoTracker {

    private record Published(Instant at, Instant point) {
    }

    private final RpoMeter meter;
    private final Duration publishInterval;
    private final Duration archiveInterval;
    private final StreamsEmitter emitter;
    private final Map<String, Published> published = new HashMap<>();

    RpoTracker(RpoMeter meter, Duration publishInterval, Duration archiveInterval, StreamsEmitter emitter) {
        this.meter = meter;
        this.publishInterval = publishInterval;
        this.archiveInterval = archiveInterval;
        this.emitter = emitter;
    }

    /**
     * Removes a target whose policy was deleted from the RPO topic, whether or not this instance published it.
     *
     * @param targetId id of the target
     * @param now wall-clock instant
     */
    void removed(String targetId, Instant now) {
        published.remove(targetId);
        emitter.tombstone(CatalogTopology.RPO_TOMBSTONES, targetId, now);
    }

    /**
     * Removes a target that left protection from the RPO topic.
     *
     * @param targetId id of the target
     * @param now wall-clock instant
     */
    void forget(String targetId, Instant now) {
        if (published.remove(targetId) != null) {
            emitter.tombstone(CatalogTopology.RPO_TOMBSTONES, targetId, now);
        }
    }

    /**
     * Measures a target after a fact changed it, or on a tick.
     *
     * @param state the target
     * @param cause the fact that changed it, or null on a tick
     * @param now wall-clock instant
     * @param store stores the state when a breach edge changed it
     * @param edges whether breach edges may fire; false while the task catches up on old facts, when the state
     *        does not yet say where the target stands now
     */
    void evaluate(TargetState state, Envelope<?> cause, Instant now, Consumer<TargetState> store, boolean edges) {
        Optional<RpoReading> measured = meter.measure(state, now);
        if (measured.isEmpty()) {
            forget(state.getTargetId(), now);
            return;
        }
        RpoReading reading = measured.get();
        RpoEdge edge = edges ? meter.edge(state, reading) : RpoEdge.NONE;
        if (edge == RpoEdge.BREACHED && cause != null) {
            // A breach opens on the tick only: facts polled in one batch (a policy, then the backups that satisfy
            // it) are all folded by then. An end of breach is good news and goes out with the fact that caused it.
            edge = RpoEdge.NONE;
        }
        String targetId = state.getTargetId();
        if (edge == RpoEdge.BREACHED) {
            state.setRpo(new RpoState(now));
            state.note(new TargetNote(now, "RpoBreached", NoteSeverity.CRITICAL,
                    "lag " + Durations.human(reading.lag()) + " passed RPO " + Durations.human(reading.rpo())));
            store.accept(state);
            emitter.emit(cause, new RpoBreached(targetId, reading.lag(), reading.rpo(), reading.restorablePoint(), now),
                    now);
        } else if (edge == RpoEdge.RESTORED) {
            Duration breach = Duration.between(state.getRpo().breachedSince(), now);
            state.setRpo(RpoState.WITHIN);
            state.note(new TargetNote(now, "RpoRestored", NoteSeverity.WARNING,
                    "lag " + Durations.human(reading.lag()) + " back within RPO " + Durations.human(reading.rpo())
                            + " after " + Durations.human(breach)));
            store.accept(state);
            emitter.emit(cause, new RpoRestored(targetId, reading.lag(), reading.rpo(), reading.restorablePoint(),
                    breach, now), now);
        }
        Published last = published.get(targetId);
        boolean moved = last == null || !Objects.equals(last.point(), reading.restorablePoint());
        // An archiver reports its tip every second or so: a tip that moves is published at most once per tick (the
        // tick publishes what is left), while a backup that moves the point is published at once.
        boolean throttled = last != null && cause != null && cause.payload() instanceof ArchiveProgressed
                && now.isBefore(last.at().plus(archiveInterval));
        boolean due = edge != RpoEdge.NONE || moved && !throttled || !now.isBefore(last.at().plus(publishInterval));
        if (due) {
            published.put(targetId, new Published(now, reading.restorablePoint()));
            emitter.emit(cause, new RpoLagMeasured(targetId, reading.lag(), reading.rpo(), state.getRpo().breached(),
                    reading.restorablePoint(), now), now);
        }
    }
}
