package io.lifeboat.health.config;

import java.util.Map;

/**
 * One checked probe setting.
 *
 * @param name the probe's name within its target
 * @param kind the probe's kind, handed to the probe factory
 * @param options the kind's options
 */
public record ProbeSettings(String name, String kind, Map<String, String> options) {

    /**
     * Copies the options.
     */
    public ProbeSettings {
        options = Map.copyOf(options);
    }

    /**
     * Returns the configuration key of this probe, for messages that name it.
     *
     * @param targetId the probe's target
     * @return e.g. {@code lifeboat.health.targets.orders-db.probes.primary}
     */
    public String key(String targetId) {
        return HealthSettings.PREFIX + "targets." + targetId + ".probes." + name;
    }
}
