package io.lifeboat.testkit.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class KafkaClusterIT {

    private static KafkaCluster cluster;

    @BeforeAll
    static void startCluster() {
        cluster = KafkaBroker.startCluster(3);
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void keepsAcceptingAndServingRecordsWhileTheLeaderNodeIsStopped() throws Exception {
        String topic = "lifeboat.test.replicated";
        cluster.createTopic(topic, 1, false);
        int leader = leaderOf(topic);
        try (var producer = KafkaBrokerIT.producer(cluster.bootstrapServers())) {
            producer.send(new ProducerRecord<>(topic, "orders-db", "before")).get(10, TimeUnit.SECONDS);
        }

        cluster.stopNode(leader);
        try (var producer = KafkaBrokerIT.producer(cluster.bootstrapServers())) {
            producer.send(new ProducerRecord<>(topic, "orders-db", "during")).get(30, TimeUnit.SECONDS);
        }
        List<ConsumerRecord<String, String>> whileDown = KafkaBrokerIT.consume(cluster.bootstrapServers(), topic, 2);

        cluster.restartNode(leader);
        try (Admin admin = cluster.newAdmin()) {
            assertThat(admin.describeCluster().nodes().get(10, TimeUnit.SECONDS)).hasSize(3);
        }
        assertThat(leaderOf(topic)).isNotNegative();
        assertThat(whileDown).extracting(ConsumerRecord::value).containsExactly("before", "during");
    }

    private static int leaderOf(String topic) throws Exception {
        try (Admin admin = cluster.newAdmin()) {
            var description = admin.describeTopics(Set.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS)
                    .get(topic);
            var partition = description.partitions().get(0);
            assertThat(partition.replicas()).hasSize(3);
            return partition.leader().id();
        }
    }
}
