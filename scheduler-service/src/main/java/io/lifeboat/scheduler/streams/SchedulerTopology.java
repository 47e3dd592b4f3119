package io.lifeboat.scheduler.streams;

import java.util.List;
import java.util.Map;

import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.processor.TopicNameExtractor;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.Stores;

import io.lifeboat.events.Topics;
import io.lifeboat.events.envelope.Envelope;
import io.lifeboat.events.envelope.EnvelopeSerializer;
import io.lifeboat.events.envelope.JsonSerde;
import io.lifeboat.scheduler.domain.TargetSchedule;

/**
 * The scheduler as one Kafka Streams topology: policy commands and backup facts, both keyed by target, meet in one
 * processor whose wall-clock punctuator issues due runs; every output (policies, commands, skipped runs, dead
 * letters) is written in the task's exactly-once transaction together with the schedule state.
 */
public final class SchedulerTopology {

    /** Topics the scheduler folds; both keyed by target id, so they must have the same number of partitions. */
    public static final List<String> INPUTS = List.of(Topics.POLICY_COMMANDS.name(), Topics.BACKUP_EVENTS.name());
    /** Store of schedule states, keyed by target id. */
    public static final String SCHEDULES_STORE = "scheduler-targets";

    static final String SOURCE = "inputs";
    static final String PROCESSOR = "scheduler";
    static final String OUT = "events-and-commands";
    static final String POLICY_TOMBSTONES = "policy-tombstones";
    static final String DEADLETTER = "deadletter";

    private SchedulerTopology() {
    }

    /**
     * Builds the topology.
     *
     * @param settings the topology's knobs
     * @return the topology
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static Topology build(SchedulerSettings settings) {
        Topology topology = new Topology();
        topology.addSource(SOURCE, new StringDeserializer(), new ByteArrayDeserializer(),
                INPUTS.toArray(String[]::new));
        topology.addProcessor(PROCESSOR, () -> new SchedulerProcessor(settings), SOURCE);
        KeyValueBytesStoreSupplier supplier = settings.persistentStores()
                ? Stores.persistentKeyValueStore(SCHEDULES_STORE)
                : Stores.inMemoryKeyValueStore(SCHEDULES_STORE);
        topology.addStateStore(Stores.keyValueStoreBuilder(supplier, Serdes.String(),
                new JsonSerde<>(TargetSchedule.class)).withLoggingEnabled(Map.of()), PROCESSOR);
        TopicNameExtractor<String, Envelope<?>> byType = (key, envelope, context) -> envelope.topic().name();
        topology.addSink(OUT, byType, new StringSerializer(), (Serializer) new EnvelopeSerializer<>(), PROCESSOR);
        topology.addSink(POLICY_TOMBSTONES, Topics.POLICIES.name(), new StringSerializer(), new ByteArraySerializer(),
                PROCESSOR);
        topology.addSink(DEADLETTER, Topics.DEADLETTER.name(), new ByteArraySerializer(), new ByteArraySerializer(),
                PROCESSOR);
        return topology;
    }
}
