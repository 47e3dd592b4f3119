package io.lifeboat.health.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import io.lifeboat.events.health.HealthStatus;
import io.lifeboat.events.health.ProbeObservation;

/**
 * One target's health over probe rounds, with hysteresis: a failed round only makes it suspect, enough failed rounds
 * in a row make an outage, and enough passed rounds in a row end it. Not thread-safe: one round at a time.
 */
public final class HealthTracker {

    private final Hysteresis hysteresis;
    private HealthStatus status = HealthStatus.HEALTHY;
    private int consecutiveFailures;
    private int consecutiveSuccesses;
    private Instant firstFailureAt;
    private String outageProbe;

    /**
     * Starts a tracker that assumes the target healthy: one down at start is reported once enough rounds failed.
     *
     * @param hysteresis the counts that turn the status
     */
    public HealthTracker(Hysteresis hysteresis) {
        this.hysteresis = hysteresis;
    }

    /**
     * Folds one round into the status.
     *
     * @param round the round's outcome
     * @return the transition, present only when the status turned unhealthy or healthy again
     */
    public Optional<HealthTransition> record(ProbeRound round) {
        return round.failed() ? fail(round) : pass(round);
    }

    private Optional<HealthTransition> fail(ProbeRound round) {
        consecutiveSuccesses = 0;
        consecutiveFailures++;
        if (status == HealthStatus.UNHEALTHY) {
            return Optional.empty();
        }
        if (consecutiveFailures == 1) {
            firstFailureAt = round.startedAt();
        }
        if (consecutiveFailures < hysteresis.failuresToUnhealthy()) {
            status = HealthStatus.SUSPECT;
            return Optional.empty();
        }
        status = HealthStatus.UNHEALTHY;
        ProbeObservation failing = round.firstFailure().orElse(null);
        outageProbe = failing == null ? "round" : failing.probe();
        return Optional.of(new HealthTransition.BecameUnhealthy(outageProbe, failing == null
                ? null
                : failing.instance(), errorOf(failing), consecutiveFailures, firstFailureAt, round.finishedAt()));
    }

    private Optional<HealthTransition> pass(ProbeRound round) {
        consecutiveFailures = 0;
        if (status != HealthStatus.UNHEALTHY) {
            // A suspect target that passes again was a blip: nobody was told, so nobody is told it ended.
            status = HealthStatus.HEALTHY;
            firstFailureAt = null;
            return Optional.empty();
        }
        consecutiveSuccesses++;
        if (consecutiveSuccesses < hysteresis.successesToRecovered()) {
            return Optional.empty();
        }
        status = HealthStatus.HEALTHY;
        Optional<ProbeObservation> passing = round.of(outageProbe).or(() -> round.observations().stream()
                .findFirst());
        var recovered = new HealthTransition.Recovered(passing.map(ProbeObservation::probe).orElse(outageProbe),
                passing.map(ProbeObservation::instance).orElse(null), consecutiveSuccesses,
                Duration.between(firstFailureAt, round.finishedAt()), round.finishedAt());
        consecutiveSuccesses = 0;
        firstFailureAt = null;
        outageProbe = null;
        return Optional.of(recovered);
    }

    private static String errorOf(ProbeObservation failing) {
        if (failing == null) {
            return "no probe ran in the round";
        }
        return failing.error() == null || failing.error().isBlank()
                ? "probe failed without an error message"
                : failing.error();
    }

    /**
     * Returns the current status.
     *
     * @return healthy, suspect or unhealthy
     */
    public HealthStatus status() {
        return status;
    }

    /**
     * Returns the failed rounds in a row.
     *
     * @return the count, 0 when the last round passed
     */
    public int consecutiveFailures() {
        return consecutiveFailures;
    }
}
