package io.lifeboat.events.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.lifeboat.events.Topic;
import io.lifeboat.events.Topics;

/**
 * Creates the contract's topics that are missing (compacted where the contract says so) for a Kafka Streams service,
 * and refuses to start it when its target-keyed input topics differ in partition count: all facts of a target meet in
 * one task only when every input topic hashes the target to the same partition number.
 */
public final class ContractTopics {

    private static final Logger LOG = LoggerFactory.getLogger(ContractTopics.class);

    private ContractTopics() {
    }

    /**
     * Connects to the cluster and runs {@link #ensure(Admin, String, List, int, short)}.
     *
     * @param kafka the cluster and how to authenticate to it
     * @param service name of the service, for messages
     * @param inputs the service's co-partitioned input topics
     * @param partitions partition count of created topics when no input exists yet
     * @param replication replication factor of created topics, -1 for the broker's default
     * @throws InterruptedException when interrupted while waiting for the broker
     */
    public static void ensure(KafkaClientSettings kafka, String service, List<String> inputs, int partitions,
            short replication) throws InterruptedException {
        try (Admin admin = Admin.create(kafka.clientConfig(Map.of()))) {
            ensure(admin, service, inputs, partitions, replication);
        } catch (ExecutionException e) {
            throw new IllegalStateException("unable to create the topics of " + service + " on " + kafka + ": "
                    + e.getCause().getMessage(), e.getCause());
        }
    }

    /**
     * Creates missing topics and checks that the inputs are co-partitioned.
     *
     * @param admin the admin client
     * @param service name of the service, for messages
     * @param inputs the service's co-partitioned input topics
     * @param partitions partition count of created topics when no input exists yet
     * @param replication replication factor of created topics, -1 for the broker's default
     * @throws InterruptedException when interrupted while waiting for the broker
     * @throws ExecutionException when the broker refuses a request
     * @throws IllegalStateException when the inputs differ in partition count
     */
    public static void ensure(Admin admin, String service, List<String> inputs, int partitions, short replication)
            throws InterruptedException, ExecutionException {
        Set<String> existing = admin.listTopics().names().get();
        // Missing inputs take the count of inputs that exist already (e.g. created by an agent's first write), so
        // that they stay co-partitioned; the configured count applies when none exists.
        List<String> existingInputs = inputs.stream().filter(existing::contains).toList();
        int count = existingInputs.isEmpty()
                ? partitions
                : admin.describeTopics(existingInputs).allTopicNames().get().values().iterator().next().partitions()
                        .size();
        List<NewTopic> missing = new ArrayList<>();
        for (Topic topic : Topics.all()) {
            if (!existing.contains(topic.name())) {
                NewTopic created = new NewTopic(topic.name(), Optional.of(count), Optional.of(replication));
                if (topic.compacted()) {
                    created.configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
                }
                missing.add(created);
            }
        }
        if (!missing.isEmpty()) {
            try {
                admin.createTopics(missing).all().get();
                LOG.info("{} created topics {} with {} partitions", service,
                        missing.stream().map(NewTopic::name).toList(), count);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
        }
        Map<String, TopicDescription> described = admin.describeTopics(inputs).allTopicNames().get();
        long counts = described.values().stream().mapToInt(d -> d.partitions().size()).distinct().count();
        if (counts > 1) {
            throw new IllegalStateException("refusing to start " + service
                    + ": its input topics differ in partition count "
                    + described.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue().partitions().size())
                            .toList()
                    + ", so facts of one target would be handled in different tasks; give them the same count");
        }
    }
}
