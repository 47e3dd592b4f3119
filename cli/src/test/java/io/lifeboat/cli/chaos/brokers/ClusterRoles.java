package io.lifeboat.cli.chaos.brokers;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;

/**
 * What the cluster's admin API says about who holds what: partition leaders, the active controller, the catalog
 * group's coordinator and its committed offsets.
 */
final class ClusterRoles {

    /** The catalog's Kafka Streams application id, which is also its consumer group. */
    static final String CATALOG_GROUP = "lifeboat-catalog";

    private final Admin admin;

    ClusterRoles(Admin admin) {
        this.admin = admin;
    }

    /** The broker whose loss hurts the catalog most (see {@link VictimChoice}), among {@code nodes}. */
    VictimChoice.Victim victim(List<Integer> nodes, List<String> watchedTopics) {
        try {
            Map<String, Integer> leaders = new LinkedHashMap<>();
            Map<String, TopicDescription> described = admin.describeTopics(watchedTopics).allTopicNames()
                    .get(30, TimeUnit.SECONDS);
            described.values().forEach(d -> d.partitions().forEach(p -> leaders.put(d.name() + "-" + p.partition(),
                    p.leader() == null ? -1 : p.leader().id())));
            int controller = admin.describeMetadataQuorum().quorumInfo().get(30, TimeUnit.SECONDS).leaderId();
            Node coordinator = admin.describeConsumerGroups(List.of(CATALOG_GROUP)).all().get(30, TimeUnit.SECONDS)
                    .get(CATALOG_GROUP).coordinator();
            return VictimChoice.choose(nodes, leaders, controller, coordinator == null ? -1 : coordinator.id());
        } catch (Exception e) {
            throw new IllegalStateException("unable to read the leaders of " + watchedTopics + " and the controller "
                    + "of the 3-node cluster: " + e, e);
        }
    }

    /** The replication factor of every topic whose name starts with {@code prefix}, by name. */
    Map<String, Integer> replication(String prefix) {
        try {
            List<String> names = admin.listTopics().names().get(30, TimeUnit.SECONDS).stream()
                    .filter(n -> n.startsWith(prefix)).sorted().toList();
            Map<String, Integer> out = new TreeMap<>();
            admin.describeTopics(names).allTopicNames().get(30, TimeUnit.SECONDS).forEach((name, d) -> out.put(name,
                    d.partitions().get(0).replicas().size()));
            return out;
        } catch (Exception e) {
            throw new IllegalStateException("unable to describe the topics named " + prefix + "*: " + e, e);
        }
    }

    /** The offsets the catalog has committed: the next offset it will read, per input partition. */
    Map<TopicPartition, Long> committedOffsets() {
        try {
            Map<TopicPartition, Long> out = new LinkedHashMap<>();
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(CATALOG_GROUP)
                    .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
            offsets.forEach((partition, offset) -> {
                if (offset != null) {
                    out.put(partition, offset.offset());
                }
            });
            return out;
        } catch (Exception e) {
            throw new IllegalStateException("unable to read the offsets of consumer group '" + CATALOG_GROUP + "': "
                    + e, e);
        }
    }
}
