package io.lifeboat.events.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

import io.lifeboat.events.envelope.InvalidEventException;

class DeadLetterPublisherTest {

    private final MockProducer<byte[], byte[]> producer = new MockProducer<>(true, null, new ByteArraySerializer(),
            new ByteArraySerializer());
    private final DeadLetterPublisher publisher = new DeadLetterPublisher(producer, "pg-agent",
            Clock.fixed(Instant.parse("2026-11-21T12:00:00Z"), ZoneOffset.UTC));

    @Test
    void copiesTheRecordAndAddsOriginAndCauseHeaders() {
        RecordHeaders original = new RecordHeaders();
        original.add("ce_type", bytes("io.lifeboat.backup.run.v1"));
        original.add(DeadLetterHeaders.REASON, bytes("an earlier reason"));
        ConsumerRecord<String, byte[]> record = new ConsumerRecord<>("lifeboat.commands.postgres", 2, 17L,
                1_763_726_400_000L, TimestampType.CREATE_TIME, -1, -1, "orders-db", bytes("{oops"), original,
                Optional.empty());
        InvalidEventException cause = new InvalidEventException(record.topic(), 2, 17L, "body is not JSON", null);

        publisher.publish(record, cause);

        ProducerRecord<byte[], byte[]> sent = producer.history().get(0);
        assertThat(sent.topic()).isEqualTo("lifeboat.deadletter");
        assertThat(new String(sent.key(), StandardCharsets.UTF_8)).isEqualTo("orders-db");
        assertThat(sent.value()).isEqualTo(bytes("{oops"));
        assertThat(header(sent, "ce_type")).isEqualTo("io.lifeboat.backup.run.v1");
        assertThat(header(sent, DeadLetterHeaders.REASON)).isEqualTo("body is not JSON");
        assertThat(sent.headers().headers(DeadLetterHeaders.REASON)).hasSize(1);
        assertThat(header(sent, DeadLetterHeaders.EXCEPTION)).isEqualTo(InvalidEventException.class.getName());
        assertThat(header(sent, DeadLetterHeaders.TOPIC)).isEqualTo("lifeboat.commands.postgres");
        assertThat(header(sent, DeadLetterHeaders.PARTITION)).isEqualTo("2");
        assertThat(header(sent, DeadLetterHeaders.OFFSET)).isEqualTo("17");
        assertThat(header(sent, DeadLetterHeaders.TIMESTAMP)).isEqualTo("1763726400000");
        assertThat(header(sent, DeadLetterHeaders.GROUP)).isEqualTo("pg-agent");
        assertThat(header(sent, DeadLetterHeaders.DEAD_LETTERED_AT)).isEqualTo("2026-11-21T12:00:00Z");
    }

    @Test
    void keepsByteKeysAndTruncatesLongReasons() {
        byte[] key = {1, 2, 3};
        ConsumerRecord<byte[], byte[]> record = new ConsumerRecord<>("lifeboat.health", 0, 5L, key, null);

        publisher.publish(record, new IllegalStateException("x".repeat(10_000)));

        ProducerRecord<byte[], byte[]> sent = producer.history().get(0);
        assertThat(sent.key()).isEqualTo(key);
        assertThat(sent.value()).isNull();
        assertThat(header(sent, DeadLetterHeaders.REASON)).hasSize(DeadLetterRecords.MAX_REASON_LENGTH)
                .endsWith("...");
    }

    private static String header(ProducerRecord<byte[], byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
