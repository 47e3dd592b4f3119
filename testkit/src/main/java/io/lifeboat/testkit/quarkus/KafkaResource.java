package io.lifeboat.testkit.quarkus;

import java.util.Map;

import io.lifeboat.testkit.kafka.KafkaBroker;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** Points a Quarkus test at the JVM's shared Kafka broker, for SmallRye Kafka and Kafka Streams alike. */
public class KafkaResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        String bootstrap = KafkaBroker.shared().bootstrapServers();
        return Map.of("kafka.bootstrap.servers", bootstrap,
                "quarkus.kafka-streams.bootstrap-servers", bootstrap);
    }

    @Override
    public void stop() {
        // Shared by every test of the JVM; a shutdown hook stops it.
    }
}
