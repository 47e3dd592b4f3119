package io.lifeboat.health.probe;

import java.util.Map;

/**
 * Builds probes from their configuration: a kind and its options.
 */
public final class ProbeFactory {

    private ProbeFactory() {
    }

    /**
     * Builds a probe.
     *
     * @param name the probe's name within its target
     * @param kind {@code postgres}, {@code redis}, {@code mongodb}, {@code filesystem}, {@code http}, {@code tcp} or
     *        {@code host-memory}
     * @param options the kind's options
     * @return the probe
     * @throws IllegalArgumentException for an unknown kind or a missing option, naming both
     */
    public static Probe create(String name, String kind, Map<String, String> options) {
        throw new UnsupportedOperationException("probe kinds are not built yet: " + kind);
    }
}
