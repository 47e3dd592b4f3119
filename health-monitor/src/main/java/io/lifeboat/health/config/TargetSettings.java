package io.lifeboat.health.config;

import java.time.Duration;
import java.util.List;

import io.lifeboat.events.Engine;
import io.lifeboat.health.domain.Hysteresis;

/**
 * One target's checked settings.
 *
 * @param targetId id of the target, the key of its events
 * @param engine engine of the target
 * @param interval pause between rounds
 * @param timeout the longest one probe may take
 * @param hysteresis failed and passed rounds in a row that turn the status
 * @param diskWarning fraction of disk in use above which a warning is raised
 * @param memoryWarning fraction of memory in use above which a warning is raised
 * @param probes the target's probes
 */
public record TargetSettings(String targetId, Engine engine, Duration interval, Duration timeout,
        Hysteresis hysteresis, double diskWarning, double memoryWarning, List<ProbeSettings> probes) {

    /**
     * Copies the probes.
     */
    public TargetSettings {
        probes = List.copyOf(probes);
    }
}
