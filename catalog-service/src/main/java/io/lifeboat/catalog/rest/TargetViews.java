package io.lifeboat.catalog.rest;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import io.lifeboat.catalog.domain.LastBackup;
import io.lifeboat.catalog.domain.RestorePoint;
import io.lifeboat.catalog.domain.RpoMeter;
import io.lifeboat.catalog.domain.RpoReading;
import io.lifeboat.catalog.domain.TargetState;
import io.lifeboat.events.policy.PolicyDefined;

/**
 * Turns a target's state into the view the API returns, measuring the lag at query time and choosing the colour.
 */
public final class TargetViews {

    /** Fraction of the RPO beyond which a target within its RPO is shown amber. */
    static final double AMBER_RATIO = 0.75;

    private final RpoMeter meter;

    /**
     * Creates the view builder.
     *
     * @param meter the meter, with the same hysteresis as the topology
     */
    public TargetViews(RpoMeter meter) {
        this.meter = meter;
    }

    /**
     * Builds the view of a target.
     *
     * @param state the target's state
     * @param now instant of the query
     * @return the view
     */
    public TargetView of(TargetState state, Instant now) {
        PolicyDefined policy = state.getPolicy();
        Optional<RpoReading> reading = meter.measure(state, now);
        RestorePoint oldest = state.getOldestBase();
        return new TargetView(state.getTargetId(), state.getEngine(), policy == null ? null : policy.tier(),
                status(state, reading), policy == null ? null : policy.rpo(), policy == null ? null : policy.rto(),
                reading.map(RpoReading::lag).orElse(null), reading.map(r -> r.lag().toSeconds()).orElse(null),
                policy == null ? null : policy.rpo().toSeconds(), state.getRpo().breached(),
                RpoMeter.newestRestorablePoint(state), oldest == null ? null : oldest.consistentAt(),
                policy != null && policy.continuousArchiving(), state.getLastSuccess(), state.getLastFailure(),
                state.getHealth(), state.getArchive(), state.getArchiveTrouble(), state.getGaps(), state.getNotes(),
                state.getUpdatedAt());
    }

    static TargetStatus status(TargetState state, Optional<RpoReading> reading) {
        if (reading.isEmpty()) {
            return TargetStatus.UNPROTECTED;
        }
        Duration lag = reading.get().lag();
        Duration rpo = reading.get().rpo();
        if (reading.get().exceeds() || state.getRpo().breached()
                || state.getHealth() != null && !state.getHealth().healthy()) {
            return TargetStatus.RED;
        }
        boolean nearRpo = lag.toMillis() > rpo.toMillis() * AMBER_RATIO;
        if (nearRpo || state.getArchiveTrouble() != null || state.openGap() != null || failedSinceSuccess(state)) {
            return TargetStatus.AMBER;
        }
        return TargetStatus.GREEN;
    }

    private static boolean failedSinceSuccess(TargetState state) {
        LastBackup failure = state.getLastFailure();
        if (failure == null) {
            return false;
        }
        return state.getLastSuccess().values().stream().noneMatch(success -> success.at().isAfter(failure.at()));
    }
}
