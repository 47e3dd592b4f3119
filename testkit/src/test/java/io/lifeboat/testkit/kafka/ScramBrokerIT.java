package io.lifeboat.testkit.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The SCRAM listeners: a user's records go in over SASL_SSL and come out over SASL_PLAINTEXT; a wrong password not. */
class ScramBrokerIT {

    private static final String USER = "tester";
    private static final String PASSWORD = "scram-broker-it-password";

    private static KafkaBroker broker;

    @BeforeAll
    static void start() {
        broker = KafkaBroker.startWithScram();
        broker.addScramUser(USER, PASSWORD);
    }

    @AfterAll
    static void stop() {
        broker.close();
    }

    @Test
    void writesOverSaslSslAndReadsOverSaslPlaintext() throws Exception {
        String topic = "lifeboat.test.scram";
        broker.createTopic(topic, 1, false);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                new HashMap<String, Object>(broker.scram().saslSslClient(USER, PASSWORD)), new StringSerializer(),
                new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, "target-1", new byte[]{1})).get(10, TimeUnit.SECONDS);
        }

        assertThat(broker.readCommitted(topic, Duration.ofSeconds(10),
                broker.scram().saslPlaintextClient(USER, PASSWORD))).extracting(r -> r.key())
                .containsExactly("target-1");
    }

    @Test
    void refusesAWrongPassword() {
        Map<String, Object> wrong = new HashMap<>(broker.scram().saslSslClient(USER, "not-the-password"));
        try (Admin admin = Admin.create(wrong)) {
            assertThatThrownBy(() -> admin.describeCluster().clusterId().get(10, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class).cause().isInstanceOf(SaslAuthenticationException.class)
                    .hasMessageContaining("SCRAM-SHA-512");
        }
    }
}
