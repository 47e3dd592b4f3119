package io.lifeboat.cli.chaos.brokers;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import io.lifeboat.events.LifeboatMessage;
import io.lifeboat.events.Topics;
import io.lifeboat.events.catalog.CatalogEntry;
import io.lifeboat.events.envelope.EventCodec;

/** Reads {@code lifeboat.catalog} from the beginning as dashboards do: {@code isolation.level=read_committed}. */
final class CatalogTopicReader implements AutoCloseable {

    private static final EventCodec CODEC = new EventCodec();

    private final KafkaConsumer<String, byte[]> consumer;
    private final List<TopicPartition> partitions;

    CatalogTopicReader(String bootstrapServers, String clientId) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
        partitions = consumer.partitionsFor(Topics.CATALOG.name(), Duration.ofSeconds(30)).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** Every committed catalog entry up to the topic's current end, in read order. */
    static List<CatalogEntry> readAll(String bootstrapServers, Duration patience) {
        try (CatalogTopicReader reader = new CatalogTopicReader(bootstrapServers, "chaos-broker-judge")) {
            Map<TopicPartition, Long> ends = reader.consumer.endOffsets(reader.partitions, Duration.ofSeconds(30));
            List<CatalogEntry> entries = new ArrayList<>();
            Instant deadline = Instant.now().plus(patience);
            while (reader.partitions.stream().anyMatch(p -> reader.consumer.position(p) < ends.get(p))) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("unable to read " + Topics.CATALOG.name() + " up to its end "
                            + ends + " within " + patience);
                }
                reader.poll(Duration.ofMillis(200), entries::add);
            }
            return entries;
        }
    }

    /** Polls once and hands every catalog entry read to {@code sink}; tombstones are skipped. */
    void poll(Duration timeout, Consumer<CatalogEntry> sink) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(timeout)) {
            if (record.value() != null && record.headers().lastHeader("ce_type") != null) {
                LifeboatMessage payload = CODEC.decode(record).payload();
                if (payload instanceof CatalogEntry entry) {
                    sink.accept(entry);
                }
            }
        }
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
    }
}
