package io.lifeboat.health.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.lifeboat.events.ServiceInstance;
import io.lifeboat.health.domain.Hysteresis;

/**
 * The monitor's checked settings: every problem of {@link HealthConfig} is found at once and named by its key.
 *
 * @param monitorId id that signs every event of this monitor
 * @param targets the targets to probe, in id order
 */
public record HealthSettings(String monitorId, List<TargetSettings> targets) {

    /** Prefix of every key of the monitor. */
    public static final String PREFIX = "lifeboat.health.";

    /**
     * Copies the targets.
     */
    public HealthSettings {
        targets = List.copyOf(targets);
    }

    /**
     * Checks the configuration.
     *
     * @param config the mapped configuration
     * @return the settings
     * @throws IllegalArgumentException naming every wrong key and why it is wrong
     */
    public static HealthSettings from(HealthConfig config) {
        List<String> problems = new ArrayList<>();
        String monitorId = config.monitorId().map(String::strip).orElseGet(ServiceInstance::defaultId);
        if (monitorId.isEmpty()) {
            problems.add(PREFIX + "monitor-id is blank; leave it unset for <hostname>-<pid>");
        }
        List<TargetSettings> targets = new ArrayList<>();
        new TreeMap<>(config.targets()).forEach((id, target) -> targets.add(target(id, target, problems)));
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("wrong health-monitor settings: " + String.join("; ", problems));
        }
        return new HealthSettings(monitorId, targets);
    }

    private static TargetSettings target(String id, HealthConfig.Target target, List<String> problems) {
        String key = PREFIX + "targets." + id + ".";
        positive(key + "interval", target.interval(), problems);
        positive(key + "timeout", target.timeout(), problems);
        atLeastOne(key + "failures-to-unhealthy", target.failuresToUnhealthy(), problems);
        atLeastOne(key + "successes-to-recovered", target.successesToRecovered(), problems);
        fraction(key + "disk-warning", target.diskWarning(), problems);
        fraction(key + "memory-warning", target.memoryWarning(), problems);
        if (target.probes().isEmpty()) {
            problems.add(key + "probes has no probe: a target needs at least one, e.g. " + key
                    + "probes.primary.kind=" + target.engine().id());
        }
        List<ProbeSettings> probes = new ArrayList<>();
        new TreeMap<>(target.probes()).forEach((name, probe) -> {
            if (probe.kind().isBlank()) {
                problems.add(key + "probes." + name + ".kind is blank");
            }
            probes.add(new ProbeSettings(name, probe.kind().strip(), Map.copyOf(probe.options())));
        });
        Hysteresis hysteresis = target.failuresToUnhealthy() >= 1 && target.successesToRecovered() >= 1
                ? new Hysteresis(target.failuresToUnhealthy(), target.successesToRecovered())
                : Hysteresis.DEFAULTS;
        return new TargetSettings(id, target.engine(), target.interval(), target.timeout(), hysteresis,
                target.diskWarning(), target.memoryWarning(), probes);
    }

    private static void positive(String key, Duration value, List<String> problems) {
        if (value.isNegative() || value.isZero()) {
            problems.add(key + " must be positive, was " + value);
        }
    }

    private static void atLeastOne(String key, int value, List<String> problems) {
        if (value < 1) {
            problems.add(key + " must be at least 1, was " + value);
        }
    }

    private static void fraction(String key, double value, List<String> problems) {
        if (!(value > 0 && value <= 1)) {
            problems.add(key + " must be a fraction in (0, 1], was " + value);
        }
    }
}
