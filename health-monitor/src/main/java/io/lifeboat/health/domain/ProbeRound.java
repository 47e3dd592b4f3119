package io.lifeboat.health.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import io.lifeboat.events.health.ProbeObservation;

/**
 * One run of every probe of a target; it fails when any probe fails.
 *
 * @param startedAt instant the round started
 * @param finishedAt instant the last probe of the round answered or was given up
 * @param observations what each probe saw
 */
public record ProbeRound(Instant startedAt, Instant finishedAt, List<ProbeObservation> observations) {

    /**
     * Validates the instants and copies the observations.
     */
    public ProbeRound {
        Objects.requireNonNull(startedAt, "ProbeRound.startedAt");
        Objects.requireNonNull(finishedAt, "ProbeRound.finishedAt");
        observations = List.copyOf(observations);
    }

    /**
     * Tells whether the round failed: a round without any probe cannot vouch for its target.
     *
     * @return true when a probe failed or none ran
     */
    public boolean failed() {
        return observations.isEmpty() || observations.stream().anyMatch(o -> !o.ok());
    }

    /**
     * Returns the first failing probe's observation.
     *
     * @return the observation, empty when every probe passed
     */
    public Optional<ProbeObservation> firstFailure() {
        return observations.stream().filter(o -> !o.ok()).findFirst();
    }

    /**
     * Returns the observation of the named probe.
     *
     * @param probe the probe's name
     * @return the observation, empty when the round has none of that name
     */
    public Optional<ProbeObservation> of(String probe) {
        return observations.stream().filter(o -> o.probe().equals(probe)).findFirst();
    }
}
