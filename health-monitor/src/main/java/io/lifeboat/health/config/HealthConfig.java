package io.lifeboat.health.config;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import io.lifeboat.events.Engine;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The health-monitor's settings, {@code lifeboat.health.*}; {@link HealthSettings} checks them and names a wrong key.
 */
@ConfigMapping(prefix = "lifeboat.health")
public interface HealthConfig {

    /** @return id that signs every event of this monitor; {@code <hostname>-<pid>} when unset */
    Optional<String> monitorId();

    /** @return the targets to probe, by target id */
    Map<String, Target> targets();

    /** One target to probe: its engine, its rhythm, its thresholds and its probes. */
    interface Target {

        /** @return engine of the target, {@code postgres}, {@code redis}, {@code mongodb} or {@code filesystem} */
        Engine engine();

        /** @return pause between the end of a round and the start of the next one */
        @WithDefault("5s")
        Duration interval();

        /** @return the longest one probe may take before it counts as failed */
        @WithDefault("3s")
        Duration timeout();

        /** @return failed rounds in a row that make an outage */
        @WithDefault("3")
        int failuresToUnhealthy();

        /** @return passed rounds in a row that end an outage */
        @WithDefault("2")
        int successesToRecovered();

        /** @return fraction of disk in use above which a warning is raised */
        @WithDefault("0.9")
        double diskWarning();

        /** @return fraction of memory in use above which a warning is raised */
        @WithDefault("0.9")
        double memoryWarning();

        /** @return the target's probes, by probe name */
        Map<String, ProbeConfig> probes();
    }

    /** One probe of a target: its kind and the kind's options. */
    interface ProbeConfig {

        /** @return kind of probe, e.g. {@code postgres}, {@code tcp}, {@code host-memory} */
        String kind();

        /** @return options of the kind, e.g. {@code url}, {@code user}, {@code password} */
        Map<String, String> options();
    }
}
