package io.lifeboat.cli.chaos.brokers;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Picks the broker whose loss hurts the catalog most: the node with the most roles among the leaders of the watched
 * partitions (the catalog's inputs and output, the transaction state, the consumer offsets), the active KRaft
 * controller and the catalog group's coordinator, one point each; on a tie, the lowest node id.
 */
final class VictimChoice {

    private VictimChoice() {
    }

    /**
     * Chooses the node to kill.
     *
     * @param nodes every node id of the cluster
     * @param leaders the leader node id of each watched partition ({@code -1} or absent when leaderless)
     * @param controller the active controller's node id
     * @param coordinator the node coordinating the catalog's consumer group, {@code -1} when unknown
     * @return the chosen node and what it holds
     */
    static Victim choose(List<Integer> nodes, Map<String, Integer> leaders, int controller, int coordinator) {
        Map<Integer, Integer> scores = new TreeMap<>();
        nodes.forEach(n -> scores.put(n, 0));
        leaders.values().forEach(n -> scores.computeIfPresent(n, (k, s) -> s + 1));
        scores.computeIfPresent(controller, (k, s) -> s + 1);
        scores.computeIfPresent(coordinator, (k, s) -> s + 1);
        int node = scores.entrySet().stream()
                .max(Comparator.comparingInt((Map.Entry<Integer, Integer> e) -> e.getValue())
                        .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
                .orElseThrow(() -> new IllegalArgumentException("no node to kill in an empty cluster")).getKey();
        List<String> led = leaders.entrySet().stream().filter(e -> e.getValue() == node).map(Map.Entry::getKey)
                .sorted().toList();
        return new Victim(node, node == controller, node == coordinator, led);
    }

    /**
     * The node to kill and its roles.
     *
     * @param node its id
     * @param controller whether it is the active controller
     * @param coordinator whether it coordinates the catalog's consumer group
     * @param leads the watched partitions it leads
     */
    record Victim(int node, boolean controller, boolean coordinator, List<String> leads) {

        /** The node and its roles, for the report. */
        String describe() {
            return "node " + node + (controller ? ", the active controller" : "")
                    + (coordinator ? ", the catalog group's coordinator" : "") + ", leader of " + leads.size()
                    + " watched partitions " + leads;
        }
    }
}
