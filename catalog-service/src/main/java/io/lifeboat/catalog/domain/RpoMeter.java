package io.lifeboat.catalog.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import io.lifeboat.events.Engine;

/**
 * Measures a target's RPO lag on wall-clock time and decides breach edges with hysteresis.
 *
 * <p>
 * The newest restorable point is the newer of the newest restorable backup and, for engines that replay a log
 * (PostgreSQL, MongoDB), the archive's effective tip, provided some backup lies before it to replay from. A lost
 * stretch of log caps the archive at the gap until a backup taken after it completes. A stalled agent emits nothing,
 * so the lag grows with the clock alone. A breach starts when the lag passes the RPO and ends only when the lag is
 * back under {@code restoreRatio} times the RPO, so that a lag hovering at the RPO does not flap.
 */
public final class RpoMeter {

    private final double restoreRatio;

    /**
     * Creates a meter.
     *
     * @param restoreRatio fraction of the RPO the lag must fall under to end a breach, in (0, 1]
     */
    public RpoMeter(double restoreRatio) {
        if (!(restoreRatio > 0 && restoreRatio <= 1)) {
            throw new IllegalArgumentException("RPO restore ratio must lie in (0, 1], got " + restoreRatio);
        }
        this.restoreRatio = restoreRatio;
    }

    /**
     * The newest instant the target can be restored to.
     *
     * @param state the target
     * @return the point, or null when nothing is restorable
     */
    public static Instant newestRestorablePoint(TargetState state) {
        RestorePoint base = state.getNewestBase();
        if (base == null) {
            return null;
        }
        Instant point = base.consistentAt();
        if (replaysLog(state.getEngine()) && state.getArchive() != null) {
            LogGap gap = state.openGap();
            Instant archived = gap != null ? gap.lostAfter() : state.getArchive().restorablePoint();
            RestorePoint oldest = state.getOldestBase();
            if (archived != null && oldest != null && !oldest.consistentAt().isAfter(archived)
                    && archived.isAfter(point)) {
                point = archived;
            }
        }
        return point;
    }

    /**
     * Tells whether backups of an engine can be rolled forward by replaying an archived log.
     *
     * @param engine the engine, or null
     * @return true for PostgreSQL and MongoDB
     */
    public static boolean replaysLog(Engine engine) {
        return engine == Engine.POSTGRES || engine == Engine.MONGODB;
    }

    /**
     * Measures the lag of a protected target.
     *
     * @param state the target
     * @param now wall-clock instant
     * @return the reading, or empty when the target has no policy (no RPO to measure against)
     */
    public Optional<RpoReading> measure(TargetState state, Instant now) {
        if (state.getPolicy() == null) {
            return Optional.empty();
        }
        Instant point = newestRestorablePoint(state);
        Instant from = point != null ? point : state.getProtectedSince();
        Duration lag = from == null || from.isAfter(now) ? Duration.ZERO : Duration.between(from, now);
        return Optional.of(new RpoReading(lag, state.getPolicy().rpo(), point, now));
    }

    /**
     * Decides whether a reading opens or closes a breach.
     *
     * @param state the target, whose breach flag tells where it stands
     * @param reading the new reading
     * @return the edge, or {@link RpoEdge#NONE}
     */
    public RpoEdge edge(TargetState state, RpoReading reading) {
        if (!state.getRpo().breached()) {
            return reading.exceeds() ? RpoEdge.BREACHED : RpoEdge.NONE;
        }
        long restoreBelowMillis = (long) (reading.rpo().toMillis() * restoreRatio);
        return reading.lag().toMillis() <= restoreBelowMillis ? RpoEdge.RESTORED : RpoEdge.NONE;
    }
}
