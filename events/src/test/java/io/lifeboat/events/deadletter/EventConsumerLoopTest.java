package io.lifeboat.events.deadletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.lifeboat.events.LifeboatMessage;
import io.lifeboat.events.Samples;
import io.lifeboat.events.backup.RunBackup;
import io.lifeboat.events.envelope.Envelope;
import io.lifeboat.events.envelope.EventCodec;

class EventConsumerLoopTest {

    private static final TopicPartition PARTITION = new TopicPartition("lifeboat.commands.postgres", 0);

    private final EventCodec codec = new EventCodec();
    private final MockConsumer<String, byte[]> consumer = new MockConsumer<>("earliest");
    private final MockProducer<byte[], byte[]> producer = new MockProducer<>(true, null, new ByteArraySerializer(),
            new ByteArraySerializer());
    private final List<LifeboatMessage> handled = new ArrayList<>();

    @BeforeEach
    void assign() {
        consumer.assign(List.of(PARTITION));
        consumer.updateBeginningOffsets(Map.of(PARTITION, 0L));
    }

    @Test
    void deadLettersAnInvalidRecordAndHandlesTheNextOne() {
        RunBackup run = Samples.message(RunBackup.class);
        addValid(0, run);
        addWithValidHeaders(1, "not json".getBytes(StandardCharsets.UTF_8));
        addValid(2, run);

        EventConsumerLoop.PollResult result = loop((envelope, record) -> handled.add(envelope.payload()))
                .pollOnce(Duration.ofMillis(10));

        assertThat(result).isEqualTo(new EventConsumerLoop.PollResult(2, 1));
        assertThat(handled).containsExactly(run, run);
        assertThat(producer.history()).singleElement().satisfies(dead -> assertThat(
                new String(dead.headers().lastHeader(DeadLetterHeaders.OFFSET).value(), StandardCharsets.UTF_8))
                .isEqualTo("1"));
        assertThat(consumer.committed(Set.of(PARTITION)).get(PARTITION).offset()).isEqualTo(3L);
    }

    @Test
    void commitsUpToAFailingHandlerAndRewindsToIt() {
        RunBackup run = Samples.message(RunBackup.class);
        addValid(0, run);
        addValid(1, run);
        EventConsumerLoop failingOnSecond = loop((envelope, record) -> {
            if (record.offset() == 1) {
                throw new IllegalStateException("object store unavailable");
            }
        });

        assertThatThrownBy(() -> failingOnSecond.pollOnce(Duration.ofMillis(10)))
                .isInstanceOf(HandlerFailedException.class)
                .hasMessageStartingWith("unable to handle io.lifeboat.backup.run.v1 '")
                .hasMessageEndingWith(
                        "' from topic lifeboat.commands.postgres partition 0 offset 1: object store unavailable");
        assertThat(consumer.committed(Set.of(PARTITION)).get(PARTITION).offset()).isEqualTo(1L);
        assertThat(consumer.position(PARTITION)).isEqualTo(1L);
    }

    private EventConsumerLoop loop(EventConsumerLoop.Handler handler) {
        return new EventConsumerLoop(consumer, codec, new DeadLetterPublisher(producer, "pg-agent"), handler);
    }

    private void addValid(long offset, RunBackup run) {
        consumer.addRecord(Samples.consumed(codec.encode(Envelope.of(Envelope.sourceOf("test"), run)), offset));
    }

    private void addWithValidHeaders(long offset, byte[] body) {
        var valid = codec.encode(Envelope.of(Envelope.sourceOf("test"), Samples.message(RunBackup.class)));
        consumer.addRecord(Samples.consumed(PARTITION.topic(), "orders-db", body, valid.headers(), offset));
    }
}
