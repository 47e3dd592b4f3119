package io.lifeboat.testkit.kafka;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

/** Admin chores shared by the broker and the cluster: idempotent topic creation and waiting for brokers. */
final class KafkaTopics {

    private KafkaTopics() {
    }

    static void create(Admin admin, String name, int partitions, short replicas, boolean compacted) {
        NewTopic topic = new NewTopic(name, partitions, replicas);
        if (compacted) {
            topic.configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
        }
        try {
            admin.createTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("unable to create Kafka topic '" + name + "': " + e.getCause(), e);
            }
        } catch (Exception e) {
            throw new IllegalStateException("unable to create Kafka topic '" + name + "': " + e, e);
        }
    }

    static void awaitBrokers(Admin admin, int expected, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        int seen = -1;
        while (System.nanoTime() < deadline) {
            try {
                seen = admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).size();
                if (seen >= expected) {
                    return;
                }
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + expected + " Kafka brokers", e);
            } catch (Exception e) {
                // Not reachable yet: try again until the deadline.
            }
        }
        throw new IllegalStateException("Kafka cluster has " + seen + " of " + expected + " brokers after " + timeout);
    }
}
