package io.lifeboat.catalog.streams;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
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

import io.lifeboat.catalog.domain.TargetState;
import io.lifeboat.catalog.domain.dr.DrRun;
import io.lifeboat.events.LifeboatMessage;
import io.lifeboat.events.Topics;
import io.lifeboat.events.catalog.CatalogEntry;
import io.lifeboat.events.envelope.Envelope;
import io.lifeboat.events.envelope.EventCodec;
import io.lifeboat.testkit.process.TempDirs;

/**
 * Drives the catalog topology in a {@link TopologyTestDriver}: sends facts as CloudEvents, moves the wall clock, and
 * decodes what the catalog wrote.
 */
final class CatalogDriver implements AutoCloseable {

    private static final EventCodec CODEC = new EventCodec();

    private final TopologyTestDriver driver;
    private final Path stateDir = TempDirs.create("catalog-driver-");
    private final Map<String, TestInputTopic<String, byte[]>> inputs = new HashMap<>();
    private final Map<String, TestOutputTopic<String, byte[]>> outputs = new HashMap<>();
    private Instant now;

    CatalogDriver(TopologySettings settings, Instant start) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "lifeboat-catalog-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        this.driver = new TopologyTestDriver(CatalogTopology.build(settings), props, start);
        this.now = start;
    }

    CatalogDriver(Instant start) {
        this(TopologySettings.defaults(), start);
    }

    Instant now() {
        return now;
    }

    /** Sends a fact to the topic its type belongs to, keyed by its target. */
    void send(LifeboatMessage fact) {
        ProducerRecord<String, byte[]> record = CODEC.encode(Envelope.of(Envelope.sourceOf("test"), fact));
        sendRaw(record.topic(), record.key(), record.value(), record.headers());
    }

    /** Sends a fact in a record stamped {@code recordTime}, e.g. one of a backlog. */
    void sendAt(LifeboatMessage fact, Instant recordTime) {
        ProducerRecord<String, byte[]> record = CODEC.encode(Envelope.of(Envelope.sourceOf("test"), fact));
        input(record.topic()).pipeInput(new TestRecord<>(record.key(), record.value(), record.headers(), recordTime));
    }

    /** Sends a record as it is, e.g. a malformed one. */
    void sendRaw(String topic, String key, byte[] value, Headers headers) {
        input(topic).pipeInput(new TestRecord<>(key, value, headers, now));
    }

    /** Sends a tombstone. */
    void tombstone(String topic, String key) {
        input(topic).pipeInput(new TestRecord<>(key, null, new RecordHeaders(), now));
    }

    /** Moves the wall clock, firing punctuations. */
    void advance(Duration step) {
        now = now.plus(step);
        driver.advanceWallClockTime(step);
    }

    /** Decoded messages written to {@code topic} since the last read. */
    List<LifeboatMessage> read(String topic) {
        List<LifeboatMessage> messages = new ArrayList<>();
        for (TestRecord<String, byte[]> record : output(topic).readRecordsToList()) {
            if (record.value() == null) {
                continue;
            }
            messages.add(CODEC.decode(topic, record.headers(), record.value()).payload());
        }
        return messages;
    }

    /** Messages of one type written to {@code topic} since the last read; others on that topic are dropped. */
    <T extends LifeboatMessage> List<T> read(String topic, Class<T> type) {
        return read(topic).stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** Raw records written to {@code topic} since the last read, tombstones included. */
    List<TestRecord<String, byte[]>> raw(String topic) {
        return output(topic).readRecordsToList();
    }

    List<CatalogEntry> catalog() {
        return read(Topics.CATALOG.name(), CatalogEntry.class);
    }

    TargetState target(String targetId) {
        KeyValueStore<String, TargetState> store = driver.getKeyValueStore(CatalogTopology.TARGETS_STORE);
        return store.get(targetId);
    }

    CatalogEntry entry(String targetId, String backupId) {
        KeyValueStore<String, CatalogEntry> store = driver.getKeyValueStore(CatalogTopology.BACKUPS_STORE);
        return store.get(StoreBackupEntries.key(targetId, backupId));
    }

    DrRun drRun(String targetId, String runId) {
        KeyValueStore<String, DrRun> store = driver.getKeyValueStore(CatalogTopology.DR_RUNS_STORE);
        return store.get(StoreDrRuns.key(targetId, runId));
    }

    static String header(TestRecord<String, byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private TestInputTopic<String, byte[]> input(String topic) {
        return inputs.computeIfAbsent(topic, t -> driver.createInputTopic(t, new StringSerializer(),
                new ByteArraySerializer()));
    }

    private TestOutputTopic<String, byte[]> output(String topic) {
        return outputs.computeIfAbsent(topic, t -> driver.createOutputTopic(t, new StringDeserializer(),
                new ByteArrayDeserializer()));
    }

    @Override
    public void close() {
        try {
            driver.close();
        } finally {
            TempDirs.deleteRecursively(stateDir);
        }
    }
}
