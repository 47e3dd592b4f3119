package io.lifeboat.scheduler.streams;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;

import io.lifeboat.events.LifeboatMessage;
import io.lifeboat.events.envelope.Envelope;
import io.lifeboat.events.envelope.EventCodec;
import io.lifeboat.scheduler.domain.PlannerSettings;
import io.lifeboat.scheduler.domain.TargetSchedule;

/**
 * Drives the scheduler topology in a {@link TopologyTestDriver}: sends commands and facts as CloudEvents, moves the
 * wall clock, and decodes what the scheduler wrote.
 */
final class SchedulerDriver implements AutoCloseable {

    private static final EventCodec CODEC = new EventCodec();

    private final TopologyTestDriver driver;
    private final Map<String, TestInputTopic<String, byte[]>> inputs = new HashMap<>();
    private final Map<String, TestOutputTopic<String, byte[]>> outputs = new HashMap<>();
    private Instant now;

    SchedulerDriver(SchedulerSettings settings, Instant start) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "lifeboat-scheduler-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.STATE_DIR_CONFIG,
                System.getProperty("java.io.tmpdir") + "/scheduler-driver-" + System.nanoTime());
        this.driver = new TopologyTestDriver(SchedulerTopology.build(settings), props, start);
        this.now = start;
    }

    SchedulerDriver(Instant start, Duration staggerWindow) {
        this(settings(staggerWindow), start);
    }

    static SchedulerSettings settings(Duration staggerWindow) {
        return new SchedulerSettings(Duration.ofSeconds(1), new PlannerSettings(staggerWindow, Duration.ofSeconds(60),
                Duration.ofHours(6), Duration.ofHours(24), "scheduler-service"), Duration.ofSeconds(60), false);
    }

    Instant now() {
        return now;
    }

    /** Sends a command or fact to the topic its type belongs to, keyed by its target. */
    void send(LifeboatMessage message) {
        ProducerRecord<String, byte[]> record = CODEC.encode(Envelope.of(Envelope.sourceOf("test"), message));
        input(record.topic()).pipeInput(new TestRecord<>(record.key(), record.value(), record.headers(), now));
    }

    /** Sends a record as it is, e.g. a malformed one, with no headers. */
    void sendRaw(String topic, String key, byte[] value) {
        input(topic).pipeInput(new TestRecord<>(key, value, new RecordHeaders(), now));
    }

    /** Moves the wall clock in one step: at most one punctuation, as after an outage. */
    void jump(Duration step) {
        now = now.plus(step);
        driver.advanceWallClockTime(step);
    }

    /** Moves the wall clock second by second up to {@code until}, as a running scheduler sees it. */
    void runUntil(Instant until) {
        while (now.isBefore(until)) {
            jump(Duration.ofSeconds(1));
        }
    }

    /** Decoded messages of one type written to {@code topic} since the last read; others there are dropped. */
    <T extends LifeboatMessage> List<T> read(String topic, Class<T> type) {
        List<T> messages = new ArrayList<>();
        for (TestRecord<String, byte[]> record : output(topic).readRecordsToList()) {
            if (record.value() != null) {
                LifeboatMessage payload = CODEC.decode(topic, record.headers(), record.value()).payload();
                if (type.isInstance(payload)) {
                    messages.add(type.cast(payload));
                }
            }
        }
        return messages;
    }

    /** Decoded envelopes written to {@code topic} since the last read, tombstones left out. */
    List<Envelope<?>> envelopes(String topic) {
        List<Envelope<?>> envelopes = new ArrayList<>();
        for (TestRecord<String, byte[]> record : output(topic).readRecordsToList()) {
            if (record.value() != null) {
                envelopes.add(CODEC.decode(topic, record.headers(), record.value()));
            }
        }
        return envelopes;
    }

    /** Decoded messages of one type with the wall-clock instant each was written at. */
    <T extends LifeboatMessage> Map<T, Instant> readTimed(String topic, Class<T> type) {
        Map<T, Instant> messages = new java.util.LinkedHashMap<>();
        for (TestRecord<String, byte[]> record : output(topic).readRecordsToList()) {
            LifeboatMessage payload = CODEC.decode(topic, record.headers(), record.value()).payload();
            if (type.isInstance(payload)) {
                messages.put(type.cast(payload), record.getRecordTime());
            }
        }
        return messages;
    }

    /** Raw records written to {@code topic} since the last read, tombstones included. */
    List<TestRecord<String, byte[]>> raw(String topic) {
        return output(topic).readRecordsToList();
    }

    TargetSchedule state(String targetId) {
        KeyValueStore<String, TargetSchedule> store = driver.getKeyValueStore(SchedulerTopology.SCHEDULES_STORE);
        return store.get(targetId);
    }

    private TestInputTopic<String, byte[]> input(String topic) {
        return inputs.computeIfAbsent(topic,
                t -> driver.createInputTopic(t, new StringSerializer(), new ByteArraySerializer()));
    }

    private TestOutputTopic<String, byte[]> output(String topic) {
        return outputs.computeIfAbsent(topic,
                t -> driver.createOutputTopic(t, new StringDeserializer(), new ByteArrayDeserializer()));
    }

    @Override
    public void close() {
        driver.close();
    }
}
