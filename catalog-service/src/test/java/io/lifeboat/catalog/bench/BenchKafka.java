package io.lifeboat.catalog.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;

import io.lifeboat.catalog.streams.CatalogTopology;
import io.lifeboat.events.Topic;
import io.lifeboat.events.Topics;

/**
 * The benchmark's Kafka plumbing: topics, the agents' producer, the Streams configuration, and the wait for the
 * application's committed offsets to reach the end of its input.
 */
final class BenchKafka {

    /** The Streams application id, and so its consumer group. */
    static final String APPLICATION_ID = "lifeboat-catalog-bench";

    private BenchKafka() {
    }

    /** Creates the catalog's inputs and every Lifeboat topic with {@code partitions} partitions. */
    static void createTopics(Admin admin, int partitions) throws Exception {
        List<NewTopic> topics = new ArrayList<>();
        for (Topic topic : Topics.all()) {
            NewTopic created = new NewTopic(topic.name(), Optional.of(partitions), Optional.of((short) 1));
            if (topic.compacted()) {
                created.configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
            }
            topics.add(created);
        }
        admin.createTopics(topics).all().get();
        List<String> missing = CatalogTopology.INPUTS.stream()
                .filter(input -> Topics.all().stream().noneMatch(t -> t.name().equals(input))).toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("catalog inputs " + missing + " are not among Topics.all()");
        }
    }

    /** An agent's producer: idempotent, acks=all, batching tuned for throughput. */
    static KafkaProducer<String, byte[]> producer(String bootstrap) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        config.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 256L * 1024 * 1024);
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        return new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    /** The service's Streams settings (application.properties), with the benchmark's thread count and commit interval. */
    static Properties streams(String bootstrap, Path stateDir, int threads, long commitMs) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, APPLICATION_ID);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        props.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, 0);
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, threads);
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, commitMs);
        props.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0L);
        props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, 1);
        return props;
    }

    /** The end offset of every partition of the catalog's inputs. */
    static Map<TopicPartition, Long> inputEnds(Admin admin, int partitions) throws Exception {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        for (String input : CatalogTopology.INPUTS) {
            for (int p = 0; p < partitions; p++) {
                request.put(new TopicPartition(input, p), OffsetSpec.latest());
            }
        }
        Map<TopicPartition, Long> ends = new HashMap<>();
        admin.listOffsets(request).all().get().forEach((tp, info) -> ends.put(tp, info.offset()));
        return ends;
    }

    /** Waits until the application's committed offsets reach {@code ends}; returns System.nanoTime() then. */
    static long awaitCommitted(Admin admin, Map<TopicPartition, Long> ends, Duration patience) throws Exception {
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(APPLICATION_ID)
                    .partitionsToOffsetAndMetadata().get();
            long now = System.nanoTime();
            if (ends.entrySet().stream().allMatch(e -> e.getValue() == 0 || (committed.get(e.getKey()) != null
                    && committed.get(e.getKey()).offset() >= e.getValue()))) {
                return now;
            }
            if (now > deadline) {
                throw new IllegalStateException("the catalog did not commit its input within " + patience
                        + ": committed " + committed + ", ends " + ends);
            }
            Thread.sleep(50);
        }
    }
}
