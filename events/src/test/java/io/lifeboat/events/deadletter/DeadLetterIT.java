package io.lifeboat.events.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.lifeboat.events.EventTypes;
import io.lifeboat.events.LifeboatMessage;
import io.lifeboat.events.Samples;
import io.lifeboat.events.Topics;
import io.lifeboat.events.backup.RunBackup;
import io.lifeboat.events.envelope.Envelope;
import io.lifeboat.events.envelope.EventCodec;
import io.lifeboat.testkit.kafka.KafkaBroker;

class DeadLetterIT {

    private static final String COMMANDS = Topics.COMMANDS_POSTGRES.name();
    private static final String GROUP = "dead-letter-it-" + UUID.randomUUID();

    private final KafkaBroker broker = KafkaBroker.shared();
    private final EventCodec codec = new EventCodec();

    @Test
    void invalidRecordsLandOnTheDeadLetterTopicAndTheConsumerMovesOn() throws Exception {
        broker.createTopic(COMMANDS, 1, false);
        broker.createTopic(Topics.DEADLETTER.name(), 1, false);
        RunBackup first = runBackup("before-" + UUID.randomUUID());
        RunBackup last = runBackup("after-" + UUID.randomUUID());
        ProducerRecord<String, byte[]> valid = codec.encode(Envelope.of(Envelope.sourceOf("dead-letter-it"), first));

        List<Long> offsets = new ArrayList<>();
        try (Producer<String, byte[]> producer = new KafkaProducer<>(producerConfig(), new StringSerializer(),
                new ByteArraySerializer())) {
            offsets.add(producer.send(valid).get().offset());
            offsets.add(producer.send(raw(valid.headers(), "not json at all")).get().offset());
            offsets.add(producer.send(raw(valid.headers(), withoutTargetId())).get().offset());
            offsets.add(producer.send(raw(withType(valid.headers(), "io.lifeboat.backup.exploded.v1"),
                    new String(valid.value(), StandardCharsets.UTF_8))).get().offset());
            offsets.add(producer.send(codec.encode(Envelope.of(Envelope.sourceOf("dead-letter-it"), last))).get()
                    .offset());
        }

        List<LifeboatMessage> handled = consumeUntilHandled(2);

        assertThat(handled).containsExactly(first, last);
        List<ConsumerRecord<byte[], byte[]>> dead = readDeadLetters(3);
        assertThat(dead).extracting(record -> header(record, DeadLetterHeaders.OFFSET))
                .containsExactly(String.valueOf(offsets.get(1)), String.valueOf(offsets.get(2)),
                        String.valueOf(offsets.get(3)));
        assertThat(dead).allSatisfy(record -> {
            assertThat(header(record, DeadLetterHeaders.TOPIC)).isEqualTo(COMMANDS);
            assertThat(header(record, DeadLetterHeaders.PARTITION)).isEqualTo("0");
            assertThat(header(record, DeadLetterHeaders.GROUP)).isEqualTo(GROUP);
            assertThat(new String(record.key(), StandardCharsets.UTF_8)).isEqualTo("orders-db");
        });
        assertThat(header(dead.get(0), DeadLetterHeaders.REASON)).startsWith("body is not JSON at line 1 column 1");
        assertThat(header(dead.get(1), DeadLetterHeaders.REASON))
                .isEqualTo("schema violation for io.lifeboat.backup.run.v1: $.targetId: required property missing");
        assertThat(header(dead.get(2), DeadLetterHeaders.REASON))
                .isEqualTo("unknown event type 'io.lifeboat.backup.exploded.v1'");
        assertThat(new String(dead.get(0).value(), StandardCharsets.UTF_8)).isEqualTo("not json at all");
    }

    private List<LifeboatMessage> consumeUntilHandled(int expected) {
        List<LifeboatMessage> handled = new ArrayList<>();
        try (Consumer<String, byte[]> consumer = new KafkaConsumer<>(consumerConfig(GROUP), new StringDeserializer(),
                new ByteArrayDeserializer());
                Producer<byte[], byte[]> deadLetterProducer = new KafkaProducer<>(producerConfig(),
                        new ByteArraySerializer(), new ByteArraySerializer())) {
            consumer.subscribe(List.of(COMMANDS));
            EventConsumerLoop loop = new EventConsumerLoop(consumer, codec,
                    new DeadLetterPublisher(deadLetterProducer, GROUP),
                    (envelope, record) -> handled.add(envelope.payload()));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (handled.size() < expected && System.nanoTime() < deadline) {
                loop.pollOnce(Duration.ofMillis(200));
            }
        }
        return handled;
    }

    private List<ConsumerRecord<byte[], byte[]>> readDeadLetters(int expected) {
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (Consumer<byte[], byte[]> consumer = new KafkaConsumer<>(
                consumerConfig("dead-letter-reader-" + UUID.randomUUID()),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.assign(List.of(new TopicPartition(Topics.DEADLETTER.name(), 0)));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (records.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (GROUP.equals(header(record, DeadLetterHeaders.GROUP))) {
                        records.add(record);
                    }
                });
            }
        }
        return records;
    }

    private static RunBackup runBackup(String commandId) {
        RunBackup sample = Samples.message(RunBackup.class);
        return new RunBackup(commandId, sample.targetId(), sample.engine(), sample.backupType(), sample.requestedBy(),
                sample.scheduledFor(), null, 1);
    }

    private static String withoutTargetId() {
        ObjectNode json = Samples.json(EventTypes.of(RunBackup.class));
        json.remove("targetId");
        return json.toString();
    }

    private static Headers withType(Headers headers, String type) {
        Headers copy = new RecordHeaders(headers.toArray());
        copy.remove("ce_type").add("ce_type", type.getBytes(StandardCharsets.UTF_8));
        return copy;
    }

    private static ProducerRecord<String, byte[]> raw(Headers headers, String body) {
        return new ProducerRecord<>(COMMANDS, null, "orders-db", body.getBytes(StandardCharsets.UTF_8),
                new RecordHeaders(headers.toArray()));
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private Map<String, Object> producerConfig() {
        return Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(), ProducerConfig.ACKS_CONFIG,
                "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    }

    private Map<String, Object> consumerConfig(String group) {
        return Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG,
                group, ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest", ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false);
    }
}
