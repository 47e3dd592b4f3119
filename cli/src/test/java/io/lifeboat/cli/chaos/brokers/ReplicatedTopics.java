package io.lifeboat.cli.chaos.brokers;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

import io.lifeboat.events.Topic;
import io.lifeboat.events.Topics;

/**
 * Creates every topic of the contract on the 3-node cluster as a production deployment declares them: replicated on
 * all three nodes with {@code min.insync.replicas=2}, so that {@code acks=all} writes go on with one node down, and
 * compacted where the contract says so.
 */
final class ReplicatedTopics {

    static final int PARTITIONS = 3;
    static final short REPLICAS = 3;
    static final String MIN_IN_SYNC = "2";
    // Compaction would fold a duplicated entry into one before the judge reads the topic: none during the scenario.
    private static final String NO_COMPACTION_FOR = String.valueOf(TimeUnit.DAYS.toMillis(1));

    private ReplicatedTopics() {
    }

    /** Creates the topics and returns their names. */
    static List<String> create(Admin admin) {
        List<NewTopic> topics = Topics.all().stream().map(ReplicatedTopics::declare).toList();
        try {
            admin.createTopics(topics).all().get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("unable to create the Lifeboat topics with replication " + REPLICAS
                    + " on the 3-node cluster: " + e, e);
        }
        return topics.stream().map(NewTopic::name).toList();
    }

    private static NewTopic declare(Topic topic) {
        Map<String, String> configs = new HashMap<>();
        configs.put(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, MIN_IN_SYNC);
        if (topic.compacted()) {
            configs.put(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
            configs.put(TopicConfig.MIN_COMPACTION_LAG_MS_CONFIG, NO_COMPACTION_FOR);
        }
        return new NewTopic(topic.name(), Optional.of(PARTITIONS), Optional.of(REPLICAS)).configs(configs);
    }
}
