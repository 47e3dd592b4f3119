package io.lifeboat.dr.domain;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import io.lifeboat.events.Require;

/**
 * Targets that fail and recover together, each with the targets it depends on, e.g. redis after postgres.
 *
 * @param groupId id of the group
 * @param dependsOn for every target of the group, the targets of the group that must be restored before it
 */
public record RecoveryGroup(String groupId, Map<String, Set<String>> dependsOn) {

    /**
     * Validates that the group has targets and depends only on its own targets.
     */
    public RecoveryGroup {
        Require.nonBlank(groupId, "RecoveryGroup.groupId");
        if (dependsOn == null || dependsOn.isEmpty()) {
            throw new IllegalArgumentException("recovery group '" + groupId + "' has no targets");
        }
        Map<String, Set<String>> copy = new TreeMap<>();
        dependsOn.forEach((target, before) -> copy.put(target, Set.copyOf(before)));
        for (Map.Entry<String, Set<String>> entry : copy.entrySet()) {
            for (String dependency : entry.getValue()) {
                if (!copy.containsKey(dependency)) {
                    throw new IllegalArgumentException("recovery group '" + groupId + "': target '"
                            + entry.getKey() + "' depends on '" + dependency + "', which is not in the group");
                }
            }
        }
        dependsOn = Map.copyOf(copy);
    }

    /**
     * Orders the targets into layers: every target comes after all it depends on, and the targets of one layer
     * depend on none of each other, so they may be restored in parallel.
     *
     * @return the layers, first to restore first, each sorted by target id
     * @throws IllegalArgumentException when the dependencies form a cycle, naming it
     */
    public List<List<String>> layers() {
        Map<String, Set<String>> remaining = new TreeMap<>();
        dependsOn.forEach((target, before) -> remaining.put(target, new TreeSet<>(before)));
        List<List<String>> layers = new ArrayList<>();
        while (!remaining.isEmpty()) {
            List<String> ready = remaining.entrySet().stream().filter(entry -> entry.getValue().isEmpty())
                    .map(Map.Entry::getKey).toList();
            if (ready.isEmpty()) {
                throw new IllegalArgumentException("recovery group '" + groupId
                        + "' cannot be ordered: its dependencies form a cycle " + cycleIn(remaining));
            }
            layers.add(ready);
            ready.forEach(remaining::remove);
            remaining.values().forEach(before -> before.removeAll(ready));
        }
        return List.copyOf(layers);
    }

    private static String cycleIn(Map<String, Set<String>> remaining) {
        // Every remaining target still waits for another remaining one, so following any chain of waits must
        // come back to a target already on the path.
        List<String> path = new ArrayList<>();
        Set<String> onPath = new LinkedHashSet<>();
        String current = remaining.keySet().iterator().next();
        while (onPath.add(current)) {
            path.add(current);
            current = remaining.get(current).iterator().next();
        }
        List<String> cycle = new ArrayList<>(path.subList(path.indexOf(current), path.size()));
        cycle.add(current);
        return String.join(" -> ", cycle);
    }
}
