package io.lifeboat.events.health;

import java.time.Duration;

import io.lifeboat.events.Require;

/**
 * The outcome of one probe of one member of a target, as a monitor saw it.
 *
 * @param probe name of the probe, e.g. {@code postgres}, {@code redis}, {@code tcp}, {@code http}, {@code filesystem}
 * @param instance host and port, URL or path the probe reached (optional)
 * @param ok whether the probe passed
 * @param latency how long the probe took (optional)
 * @param role role the member reported, e.g. {@code primary} or {@code standby} for PostgreSQL, {@code master} or
 *        {@code slave} for Redis (optional)
 * @param replicationLag how far a standby's replay is behind, when the member is one (optional)
 * @param error why the probe failed (optional)
 */
public record ProbeObservation(String probe, String instance, boolean ok, Duration latency, String role,
        Duration replicationLag, String error) {

    /**
     * Validates the probe name.
     */
    public ProbeObservation {
        Require.nonBlank(probe, "ProbeObservation.probe");
    }
}
