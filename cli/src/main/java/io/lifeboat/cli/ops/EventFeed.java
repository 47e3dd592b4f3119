package io.lifeboat.cli.ops;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import io.lifeboat.events.admin.KafkaClientSettings;
import io.lifeboat.events.envelope.Envelope;
import io.lifeboat.events.envelope.EventCodec;

/**
 * Reads Lifeboat topics without a consumer group: every partition is assigned and positioned when the feed opens, so
 * a feed opened before publishing a command sees every answer to it.
 */
final class EventFeed implements AutoCloseable {

    /** Where a feed starts: null = the end offsets at opening; otherwise the first record at or after the instant. */
    static final Instant AT_END = null;

    private static final Duration PATIENCE = Duration.ofSeconds(15);

    /**
     * One record read: its envelope, or why it could not be decoded.
     *
     * @param record the record as read
     * @param envelope the decoded event, or null
     * @param error why it is not a Lifeboat event, or null
     */
    record Item(ConsumerRecord<String, byte[]> record, Envelope<?> envelope, String error) {
    }

    private final EventCodec codec = new EventCodec();
    private final KafkaConsumer<String, byte[]> consumer;
    private final List<String> missing = new ArrayList<>();

    /**
     * Opens a feed on the topics that exist among {@code topics}.
     *
     * @param kafka Kafka's bootstrap servers and security settings
     * @param topics the topic names
     * @param since {@link #AT_END}, or the instant of the first record to read ({@link Instant#EPOCH}: all)
     * @throws OpsFailure when Kafka cannot be reached
     */
    EventFeed(KafkaClientSettings kafka, List<String> topics, Instant since) {
        Properties config = new Properties();
        Map<String, Object> own = Map.of(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.CLIENT_ID_CONFIG, DrCommandPublisher.SOURCE, ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_committed", ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false,
                // An operator at a terminal should hear within seconds that the broker is not there.
                ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) PATIENCE.toMillis(),
                ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) PATIENCE.toMillis());
        config.putAll(kafka.clientConfig(own));
        try {
            consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
        } catch (KafkaException e) {
            throw unreachable(kafka, e);
        }
        try {
            position(topics, since);
        } catch (KafkaException e) {
            consumer.close(Duration.ZERO);
            throw unreachable(kafka, e);
        }
    }

    private void position(List<String> topics, Instant since) {
        Map<String, List<PartitionInfo>> existing = consumer.listTopics(PATIENCE);
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : topics) {
            List<PartitionInfo> infos = existing.get(topic);
            if (infos == null) {
                missing.add(topic);
                continue;
            }
            infos.forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
        }
        consumer.assign(partitions);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions, PATIENCE);
        Map<TopicPartition, Long> start = new HashMap<>(end);
        if (since != AT_END) {
            Map<TopicPartition, Long> times = new HashMap<>();
            partitions.forEach(p -> times.put(p, since.toEpochMilli()));
            for (Map.Entry<TopicPartition, OffsetAndTimestamp> e : consumer.offsetsForTimes(times, PATIENCE)
                    .entrySet()) {
                // No record at or after the instant: nothing of that partition is old enough to show.
                if (e.getValue() != null) {
                    start.put(e.getKey(), e.getValue().offset());
                }
            }
        }
        start.forEach(consumer::seek);
    }

    /** The topics asked for that the broker does not have. */
    List<String> missing() {
        return List.copyOf(missing);
    }

    /** The partitions read. */
    Set<TopicPartition> partitions() {
        return consumer.assignment();
    }

    /** The records that arrived within {@code wait}, decoded where they can be. */
    List<Item> poll(Duration wait) {
        List<Item> items = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : consumer.poll(wait)) {
            try {
                items.add(new Item(record, codec.decode(record), null));
            } catch (RuntimeException e) {
                items.add(new Item(record, null, e.getMessage() == null ? e.toString() : e.getMessage()));
            }
        }
        return items;
    }

    /** Closes the consumer. */
    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(2));
    }

    private static OpsFailure unreachable(KafkaClientSettings kafka, KafkaException e) {
        return new OpsFailure("unable to read from Kafka at " + kafka + " (" + e.getMessage() + "): start the "
                + "stack with ./lifeboat demo or pass --bootstrap HOST:PORT (and --kafka-config FILE)", e);
    }
}
