package io.lifeboat.catalog.streams;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.lifeboat.catalog.config.CatalogConfig;
import io.lifeboat.events.Topic;
import io.lifeboat.events.Topics;
import io.quarkus.runtime.StartupEvent;

/**
 * Creates the topics the catalog reads and writes when they are missing (compacted where the contract says so), and
 * refuses to start when the target-keyed input topics differ in partition count: the catalog folds all facts of a target in
 * one task only when every input topic hashes the target to the same partition number.
 */
@ApplicationScoped
public class CatalogTopics {

    private static final Logger LOG = Logger.getLogger(CatalogTopics.class);

    void onStart(@Observes StartupEvent start, CatalogConfig config,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap) throws InterruptedException {
        if (!config.topics().create()) {
            return;
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            ensure(admin, config.topics().partitions(), config.topics().replicationFactor());
        } catch (ExecutionException e) {
            throw new IllegalStateException("unable to create the catalog's topics on " + bootstrap + ": "
                    + e.getCause().getMessage(), e.getCause());
        }
    }

    static void ensure(Admin admin, int partitions, short replication) throws InterruptedException,
            ExecutionException {
        Set<String> existing = admin.listTopics().names().get();
        // Missing inputs take the count of inputs that exist already (e.g. created by an agent's first write), so
        // that they stay co-partitioned; the configured count applies when none exists.
        List<String> existingInputs = CatalogTopology.INPUTS.stream().filter(existing::contains).toList();
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
                LOG.infof("created topics %s with %d partitions", missing.stream().map(NewTopic::name).toList(),
                        count);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
        }
        Map<String, TopicDescription> inputs = admin.describeTopics(CatalogTopology.INPUTS).allTopicNames().get();
        long counts = inputs.values().stream().mapToInt(d -> d.partitions().size()).distinct().count();
        if (counts > 1) {
            throw new IllegalStateException("refusing to start: the catalog's input topics differ in partition count "
                    + inputs.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue().partitions().size())
                            .toList()
                    + ", so facts of one target would be folded in different tasks; give them the same count");
        }
    }
}
