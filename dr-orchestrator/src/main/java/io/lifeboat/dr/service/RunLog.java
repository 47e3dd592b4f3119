package io.lifeboat.dr.service;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

import io.lifeboat.dr.domain.TargetRuns;
import io.lifeboat.events.LifeboatMessage;
import io.lifeboat.events.Topics;
import io.lifeboat.events.admin.KafkaClientSettings;
import io.lifeboat.events.dr.DrRunUpdated;
import io.lifeboat.events.envelope.Envelope;
import io.lifeboat.events.envelope.EventCodec;
import io.lifeboat.events.envelope.InvalidEventException;
import io.lifeboat.events.envelope.TraceContext;

/**
 * The run log on the compacted {@code lifeboat.dr.runs}: read to its end at start, then written with one Kafka
 * transaction per transition, holding the new run state and the facts the transition causes.
 */
public final class RunLog implements AutoCloseable {

    /** Transactional id shared by every instance, so that a new instance fences the previous one out. */
    public static final String TRANSACTIONAL_ID = "lifeboat-dr-orchestrator";

    private static final Logger LOG = Logger.getLogger(RunLog.class);
    private static final Duration POLL = Duration.ofMillis(200);

    private final KafkaClientSettings kafka;
    private final EventCodec codec = new EventCodec();
    private final KafkaProducer<String, byte[]> producer;

    /**
     * Connects the transactional producer and fences out any older instance, aborting its open transaction.
     *
     * @param kafka the cluster and how to authenticate to it
     */
    public RunLog(KafkaClientSettings kafka) {
        this.kafka = kafka;
        ensureTopic();
        this.producer = new KafkaProducer<>(kafka.clientConfig(Map.of(
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, TRANSACTIONAL_ID, ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true, ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, 30_000,
                ProducerConfig.CLIENT_ID_CONFIG, "lifeboat-dr-run-log")), new StringSerializer(),
                new ByteArraySerializer());
        producer.initTransactions();
    }

    /**
     * Reads the run log to its end, committed records only.
     *
     * @return the latest runs per target id
     */
    public Map<String, TargetRuns> load() {
        Map<String, TargetRuns> runs = new HashMap<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(kafka.clientConfig(Map.of(
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.CLIENT_ID_CONFIG, "lifeboat-dr-run-log-reader")), new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.DR_RUNS.name(), Duration.ofSeconds(30))
                    .stream().map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                    apply(record, runs);
                }
            }
        }
        return runs;
    }

    /**
     * Writes one transition: the target's new run state and the facts it causes, atomically.
     *
     * @param runs the target's runs after the transition
     * @param facts events the transition causes, e.g. FailoverStepCompleted
     * @throws FencedOutException when another instance took over the log
     * @throws IllegalStateException when the broker did not take the transaction; nothing was written
     */
    public void commit(TargetRuns runs, List<? extends LifeboatMessage> facts) {
        List<Envelope<LifeboatMessage>> records = transition(runs, facts);
        try {
            producer.beginTransaction();
            for (Envelope<LifeboatMessage> record : records) {
                producer.send(codec.encode(record));
            }
            producer.commitTransaction();
        } catch (ProducerFencedException | InvalidProducerEpochException e) {
            throw new FencedOutException("run log of target '" + runs.latest().targetId()
                    + "': another orchestrator instance took over transactional id '" + TRANSACTIONAL_ID + "'", e);
        } catch (KafkaException e) {
            try {
                producer.abortTransaction();
            } catch (KafkaException abortFailed) {
                e.addSuppressed(abortFailed);
            }
            throw new IllegalStateException("run log of target '" + runs.latest().targetId() + "': the broker did "
                    + "not take the transition of run '" + runs.latest().runId() + "': " + e, e);
        }
    }

    /**
     * Publishes facts that change no run, e.g. a refused command, in a transaction of their own.
     *
     * @param facts the events to publish, atomically
     * @param trace the trace they continue, e.g. the refused command's; null to start one per fact
     * @throws FencedOutException when another instance took over the log
     * @throws IllegalStateException when the broker did not take the transaction; nothing was written
     */
    public void publish(List<? extends LifeboatMessage> facts, TraceContext trace) {
        try {
            producer.beginTransaction();
            for (LifeboatMessage fact : facts) {
                producer.send(codec.encode(inTrace(fact, trace)));
            }
            producer.commitTransaction();
        } catch (ProducerFencedException | InvalidProducerEpochException e) {
            throw new FencedOutException("facts " + names(facts) + ": another orchestrator instance took over "
                    + "transactional id '" + TRANSACTIONAL_ID + "'", e);
        } catch (KafkaException e) {
            try {
                producer.abortTransaction();
            } catch (KafkaException abortFailed) {
                e.addSuppressed(abortFailed);
            }
            throw new IllegalStateException("the broker did not take facts " + names(facts) + ": " + e, e);
        }
    }

    /**
     * Returns the records of one transition, in order: the run's new state, then its facts; all continue the trace
     * of what started the run, each a span of its own, or each starts a trace when the run has none.
     *
     * @param runs the target's runs after the transition
     * @param facts events the transition causes
     * @return the envelopes to write
     */
    static List<Envelope<LifeboatMessage>> transition(TargetRuns runs, List<? extends LifeboatMessage> facts) {
        TraceContext trace = RunParameters.trace(runs.latest()).orElse(null);
        List<Envelope<LifeboatMessage>> records = new ArrayList<>();
        records.add(inTrace(RunRecords.toRecord(runs), trace));
        facts.forEach(fact -> records.add(inTrace(fact, trace)));
        return records;
    }

    private static Envelope<LifeboatMessage> inTrace(LifeboatMessage message, TraceContext trace) {
        Envelope<LifeboatMessage> envelope = Envelope.of(Envelope.sourceOf("dr-orchestrator"), message);
        return trace == null ? envelope : envelope.withTrace(trace.child());
    }

    private static List<String> names(List<? extends LifeboatMessage> facts) {
        return facts.stream().map(fact -> fact.getClass().getSimpleName() + " of '" + fact.targetId() + "'")
                .toList();
    }

    private void apply(ConsumerRecord<String, byte[]> record, Map<String, TargetRuns> runs) {
        if (record.key() == null || record.value() == null) {
            return;
        }
        try {
            if (codec.decode(record).payload() instanceof DrRunUpdated update) {
                runs.put(update.targetId(), RunRecords.fromRecord(update));
            }
        } catch (InvalidEventException | IllegalArgumentException e) {
            LOG.warnf("ignoring an unreadable run record at %s-%d@%d: %s", record.topic(), record.partition(),
                    record.offset(), e.getMessage());
        }
    }

    private void ensureTopic() {
        try (Admin admin = Admin.create(kafka.clientConfig(Map.of()))) {
            NewTopic topic = new NewTopic(Topics.DR_RUNS.name(), Optional.of(1), Optional.empty())
                    .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
            admin.createTopics(List.of(topic)).all().get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("unable to create the run log " + Topics.DR_RUNS.name() + ": "
                        + e.getCause(), e.getCause());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating " + Topics.DR_RUNS.name(), e);
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
