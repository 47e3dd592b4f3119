package io.lifeboat.catalog.streams;

import java.util.List;

import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.processor.TopicNameExtractor;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

import io.lifeboat.catalog.domain.TargetState;
import io.lifeboat.catalog.domain.dr.DrRun;
import io.lifeboat.events.Topics;
import io.lifeboat.events.catalog.CatalogEntry;
import io.lifeboat.events.envelope.Envelope;
import io.lifeboat.events.envelope.EnvelopeSerializer;
import io.lifeboat.events.envelope.JsonSerde;

/**
 * Builds the catalog's Kafka Streams topology: one source over every target-keyed fact topic, the
 * {@link CatalogProcessor} with its three stores, and sinks for events and commands (topic chosen by event type),
 * tombstones of the two compacted topics, and dead letters.
 */
public final class CatalogTopology {

    /** Topics the catalog folds; all keyed by target id, so they must have the same number of partitions. */
    public static final List<String> INPUTS = List.of(Topics.POLICIES.name(), Topics.BACKUP_EVENTS.name(),
            Topics.ARCHIVE_EVENTS.name(), Topics.HEALTH.name(), Topics.DR_EVENTS.name(), Topics.DR_RUNS.name());
    /** Store of target states, keyed by target id. */
    public static final String TARGETS_STORE = "catalog-targets";
    /** Store of catalog entries, keyed by target id and backup id. */
    public static final String BACKUPS_STORE = "catalog-backups";
    /** Store of DR runs, keyed by target id and run id. */
    public static final String DR_RUNS_STORE = "catalog-dr-runs";

    static final String SOURCE = "facts";
    static final String PROCESSOR = "catalog";
    static final String OUT = "events-and-commands";
    static final String RPO_TOMBSTONES = "rpo-tombstones";
    static final String CATALOG_TOMBSTONES = "catalog-tombstones";
    static final String DEADLETTER = "deadletter";

    private CatalogTopology() {
    }

    /**
     * Builds the topology.
     *
     * @param settings the topology's knobs
     * @return the topology
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static Topology build(TopologySettings settings) {
        Topology topology = new Topology();
        topology.addSource(SOURCE, new StringDeserializer(), new ByteArrayDeserializer(),
                INPUTS.toArray(String[]::new));
        topology.addProcessor(PROCESSOR, () -> new CatalogProcessor(settings), SOURCE);
        topology.addStateStore(store(TARGETS_STORE, settings, new JsonSerde<>(TargetState.class)), PROCESSOR);
        topology.addStateStore(store(BACKUPS_STORE, settings, new JsonSerde<>(CatalogEntry.class)), PROCESSOR);
        topology.addStateStore(store(DR_RUNS_STORE, settings, new JsonSerde<>(DrRun.class)), PROCESSOR);
        TopicNameExtractor<String, Envelope<?>> byType = (key, envelope, context) -> envelope.topic().name();
        topology.addSink(OUT, byType, new StringSerializer(), (Serializer) new EnvelopeSerializer<>(), PROCESSOR);
        topology.addSink(RPO_TOMBSTONES, Topics.RPO.name(), new StringSerializer(), new ByteArraySerializer(),
                PROCESSOR);
        topology.addSink(CATALOG_TOMBSTONES, Topics.CATALOG.name(), new StringSerializer(), new ByteArraySerializer(),
                PROCESSOR);
        topology.addSink(DEADLETTER, Topics.DEADLETTER.name(), new ByteArraySerializer(), new ByteArraySerializer(),
                PROCESSOR);
        return topology;
    }

    private static <V> StoreBuilder<?> store(String name, TopologySettings settings, JsonSerde<V> values) {
        KeyValueBytesStoreSupplier supplier = settings.persistentStores()
                ? Stores.persistentKeyValueStore(name)
                : Stores.inMemoryKeyValueStore(name);
        return Stores.keyValueStoreBuilder(supplier, Serdes.String(), values).withLoggingEnabled(java.util.Map.of());
    }
}
