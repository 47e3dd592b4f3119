package io.lifeboat.dr.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import io.lifeboat.dr.domain.RunSettings;
import io.lifeboat.dr.postgres.FenceCommand;
import io.lifeboat.dr.postgres.PgEndpoint;
import io.lifeboat.events.ServiceInstance;

/**
 * The orchestrator's validated settings.
 *
 * @param instanceId id of this instance
 * @param expectedMonitors configured monitor count
 * @param runSettings hold-down and attempts per step
 * @param maximumLagOnFailover the largest lag a promoted standby may have
 * @param stepTimeout how long one PostgreSQL action may take
 * @param tick how often the executor looks at every target
 * @param targets the targets by id, sorted
 * @param pauseBeforeStep step id to pause before (rehearsals only); null for none
 * @param pause how long to pause
 * @param restoreTimeout how long a restore or drill waits for the agent's outcome
 * @param groups the recovery groups by id
 */
public record DrSettings(String instanceId, int expectedMonitors, RunSettings runSettings,
        Duration maximumLagOnFailover, Duration stepTimeout, Duration tick, Map<String, TargetSettings> targets,
        String pauseBeforeStep, Duration pause, Duration restoreTimeout, Map<String, GroupSettings> groups) {

    /** Prefix of every key. */
    public static final String PREFIX = "lifeboat.dr.";

    /**
     * Copies the targets.
     */
    public DrSettings {
        targets = Collections.unmodifiableMap(new TreeMap<>(targets));
        groups = Collections.unmodifiableMap(new TreeMap<>(groups));
    }

    /**
     * Validates the settings as written, naming every wrong key at once.
     *
     * @param config the settings as written
     * @param environment the process environment, for passwords given by variable name
     * @return the validated settings
     * @throws IllegalArgumentException naming every problem
     */
    public static DrSettings from(DrConfig config, Map<String, String> environment) {
        List<String> problems = new ArrayList<>();
        String instanceId = config.instanceId().map(String::strip).orElseGet(ServiceInstance::defaultId);
        if (instanceId.isEmpty()) {
            problems.add(PREFIX + "instance-id is blank; leave it unset for <hostname>-<pid>");
        }
        if (config.expectedMonitors() < 1) {
            problems.add(PREFIX + "expected-monitors must be at least 1, was " + config.expectedMonitors());
        }
        if (config.maxAttempts() < 1) {
            problems.add(PREFIX + "max-attempts must be at least 1, was " + config.maxAttempts());
        }
        positive("hold-down", config.holdDown(), true, problems);
        positive("maximum-lag-on-failover", config.maximumLagOnFailover(), true, problems);
        positive("step-timeout", config.stepTimeout(), false, problems);
        positive("tick", config.tick(), false, problems);
        positive("restore-timeout", config.restoreTimeout(), false, problems);
        Map<String, TargetSettings> targets = new TreeMap<>();
        new TreeMap<>(config.targets())
                .forEach((id, target) -> target(id, target, config.stepTimeout(), environment, problems)
                        .ifPresent(settings -> targets.put(id, settings)));
        Map<String, GroupSettings> groups = new TreeMap<>();
        new TreeMap<>(config.groups()).forEach((id, group) -> GroupSettings.from(id, group, problems)
                .ifPresent(settings -> groups.put(id, settings)));
        groups.keySet().stream().filter(targets::containsKey).forEach(id -> problems.add(PREFIX + "groups." + id
                + " has the id of a target: runs are kept per target or group id, so they must differ"));
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("wrong dr-orchestrator settings: " + String.join("; ", problems));
        }
        return new DrSettings(instanceId, config.expectedMonitors(),
                new RunSettings(config.holdDown(), config.maxAttempts()), config.maximumLagOnFailover(),
                config.stepTimeout(), config.tick(), targets, config.debug().pauseBeforeStep().orElse(null),
                config.debug().pause(), config.restoreTimeout(), groups);
    }

    private static Optional<TargetSettings> target(String id, DrConfig.Target target, Duration fenceTimeout,
            Map<String, String> environment, List<String> problems) {
        String key = PREFIX + "targets." + id + ".";
        Map<String, PgEndpoint> members = new TreeMap<>();
        target.members().forEach((name, member) -> {
            try {
                members.put(name, endpoint(name, member, environment));
            } catch (IllegalArgumentException e) {
                problems.add(key + "members." + name + ": " + e.getMessage());
            }
        });
        if (!members.containsKey(target.primary())) {
            problems.add(key + "primary '" + target.primary() + "' is not one of the members " + members.keySet());
        }
        if (members.isEmpty()) {
            problems.add(key + "members is empty; give at least the primary (a failover also needs a standby)");
        }
        FenceCommand fence = target.fenceCommand().filter(command -> !command.isEmpty())
                .map(command -> new FenceCommand(command.stream().map(String::strip).toList(),
                        fenceTimeout, null))
                .orElse(null);
        if (rtoWrong(target)) {
            problems.add(key + "rto must be positive, was " + target.rto().orElseThrow());
        }
        RestoreSettings restores = new RestoreSettings(target.restoreDestination().orElse(null),
                target.drillDestination().orElse(null), target.restoreHost().strip(), target.drillKeep(),
                target.checks());
        problems.addAll(restores.problems(key));
        return Optional.of(new TargetSettings(id, target.failoverMode(), target.rto(), target.primary(), members,
                fence, restores));
    }

    private static boolean rtoWrong(DrConfig.Target target) {
        return target.rto().map(rto -> rto.isZero() || rto.isNegative()).orElse(false);
    }

    private static PgEndpoint endpoint(String name, DrConfig.Member member, Map<String, String> environment) {
        if (member.passwordEnv().isPresent()) {
            return PgEndpoint.withPasswordFrom(name, member.url(), member.user(), member.passwordEnv().get(),
                    environment);
        }
        return new PgEndpoint(name, member.url(), member.user(), member.password().orElse(null));
    }

    private static void positive(String name, Duration value, boolean zeroAllowed, List<String> problems) {
        if (value.isNegative() || (!zeroAllowed && value.isZero())) {
            problems.add(PREFIX + name + " must be " + (zeroAllowed ? "zero or " : "") + "positive, was " + value);
        }
    }
}
