package io.lifeboat.agent.pg.it;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import io.lifeboat.agentkit.testing.AgentBus;
import io.lifeboat.events.Engine;
import io.lifeboat.events.backup.BackupType;
import io.lifeboat.events.backup.RestoreBackup;
import io.lifeboat.events.backup.RunBackup;
import io.lifeboat.events.envelope.Envelope;
import io.lifeboat.events.envelope.EventCodec;
import io.lifeboat.testkit.kafka.KafkaBroker;

/** What the pg-agent tests do on the broker: send commands, wait until they are final, read the facts. */
final class PgKafka {

    static final EventCodec CODEC = AgentBus.CODEC;
    static final Duration PATIENCE = AgentBus.PATIENCE;
    private static final AgentBus BUS = new AgentBus(PgAgentTestResource.GROUP);

    private PgKafka() {
    }

    static Envelope<RunBackup> runBackup(String targetId, BackupType type) {
        return Envelope.of(Envelope.sourceOf("scheduler-service"), new RunBackup(UUID.randomUUID().toString(),
                targetId, Engine.POSTGRES, type, "pg-agent-it", null, null, 1));
    }

    /** A restore of {@code targetId} into {@code destination}; {@code point} sets the recovery point. */
    static Envelope<RestoreBackup> restore(String targetId, String destination,
            UnaryOperator<RestorePoint> point) {
        RestorePoint p = point.apply(new RestorePoint(null, null, null, null, null, false));
        return Envelope.of(Envelope.sourceOf("dr-orchestrator"), new RestoreBackup(UUID.randomUUID().toString(),
                targetId, Engine.POSTGRES, p.backupId(), p.time(), p.lsn(), p.xid(), p.name(),
                p.latest() ? Boolean.TRUE : null, null, destination, false, "pg-agent-it", null, 1));
    }

    /** The recovery point of a test restore. */
    record RestorePoint(String backupId, Instant time, String lsn, String xid, String name, boolean latest) {

        RestorePoint backup(String id) {
            return new RestorePoint(id, time, lsn, xid, name, latest);
        }

        RestorePoint at(Instant when) {
            return new RestorePoint(backupId, when, lsn, xid, name, latest);
        }

        RestorePoint toLatest() {
            return new RestorePoint(backupId, time, lsn, xid, name, true);
        }
    }

    /** Sends the command without waiting for the agent, for a test that watches its outcome as it appears. */
    static void send(Envelope<?> command) throws Exception {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.shared().bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer())) {
            producer.send(CODEC.encode(command)).get();
        }
    }

    /** Sends the command and waits until the agent's group has committed past it: its outcome is final. */
    static void sendAndAwait(Envelope<?> command) throws Exception {
        BUS.sendAndAwait(command);
    }

    /** The decoded facts of {@code lifeboat.backup.events} caused by {@code command}, in order. */
    static List<Envelope<?>> factsOf(Envelope<?> command) {
        return AgentBus.factsOf(command);
    }

    static List<Envelope<?>> facts(Predicate<Envelope<?>> filter) {
        return AgentBus.facts(filter);
    }

    /** The decoded events of {@code topic} that match {@code filter}, from the beginning to the current end. */
    static List<Envelope<?>> events(String topic, Predicate<Envelope<?>> filter) {
        return AgentBus.events(topic, filter);
    }
}
