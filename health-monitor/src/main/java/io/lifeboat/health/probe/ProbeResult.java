package io.lifeboat.health.probe;

import java.util.List;

import io.lifeboat.events.health.ProbeObservation;

/**
 * The outcome of one run of a probe.
 *
 * @param observation what the probe saw, as published
 * @param usages resource usage measured on the way (disk, memory); empty when none
 */
public record ProbeResult(ProbeObservation observation, List<ResourceUsage> usages) {

    /**
     * Copies the usages.
     */
    public ProbeResult {
        usages = usages == null ? List.of() : List.copyOf(usages);
    }
}
