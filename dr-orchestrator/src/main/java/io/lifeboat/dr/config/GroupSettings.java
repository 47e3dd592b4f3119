package io.lifeboat.dr.config;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import io.lifeboat.dr.domain.RecoveryGroup;
import io.lifeboat.events.Engine;

/**
 * One validated recovery group: its dependency order and, per target, the engine, destination and whether the log
 * is replayed to the newest archived point.
 *
 * @param group the targets and what each depends on
 * @param targets the targets by id
 */
public record GroupSettings(RecoveryGroup group, Map<String, Target> targets) {

    /**
     * Sorts and copies the targets.
     */
    public GroupSettings {
        targets = java.util.Collections.unmodifiableMap(new TreeMap<>(targets));
    }

    /**
     * One target of the group.
     *
     * @param id target id
     * @param engine the engine, which selects the agent
     * @param destination destination template, {@code {run}} replaced by the run id
     * @param recoverToLatest whether the log is replayed to the newest archived point
     */
    public record Target(String id, Engine engine, String destination, boolean recoverToLatest) {

        /**
         * Returns the destination of a run.
         *
         * @param runId the run
         * @return the destination
         */
        public String destinationOf(String runId) {
            return destination.replace(RestoreSettings.RUN, runId.replaceAll("[^A-Za-z0-9_-]", "-"));
        }
    }

    /** Validates one configured group, adding every problem to {@code problems}. */
    static Optional<GroupSettings> from(String id, DrConfig.Group config, List<String> problems) {
        String key = DrSettings.PREFIX + "groups." + id + ".";
        int before = problems.size();
        Map<String, Target> targets = new TreeMap<>();
        Map<String, java.util.Set<String>> dependsOn = new TreeMap<>();
        config.targets().forEach((target, settings) -> {
            Optional<Engine> engine = java.util.Arrays.stream(Engine.values())
                    .filter(e -> e.id().equals(settings.engine().strip())).findFirst();
            if (engine.isEmpty()) {
                problems.add(key + "targets." + target + ".engine '" + settings.engine() + "' is not one of "
                        + "postgres, redis, mongodb, filesystem");
                return;
            }
            if (settings.destination().isBlank()) {
                problems.add(key + "targets." + target + ".destination is blank");
            }
            boolean latest = settings.recoverToLatest()
                    .orElse(engine.get() == Engine.POSTGRES || engine.get() == Engine.MONGODB);
            targets.put(target, new Target(target, engine.get(), settings.destination().strip(), latest));
            dependsOn.put(target, new HashSet<>(settings.dependsOn().orElse(List.of()).stream().map(String::strip)
                    .toList()));
        });
        if (config.targets().isEmpty()) {
            problems.add(key + "targets is empty");
        }
        if (problems.size() > before) {
            return Optional.empty();
        }
        try {
            RecoveryGroup group = new RecoveryGroup(id, dependsOn);
            group.layers();
            return Optional.of(new GroupSettings(group, targets));
        } catch (IllegalArgumentException e) {
            problems.add(key + "targets: " + e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * Returns the group's id.
     *
     * @return the id
     */
    public String id() {
        return group.groupId();
    }
}
