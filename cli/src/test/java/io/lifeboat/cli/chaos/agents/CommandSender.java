package io.lifeboat.cli.chaos.agents;

import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import io.lifeboat.events.EngineCommand;
import io.lifeboat.events.envelope.Envelope;
import io.lifeboat.events.envelope.EventCodec;

/** Writes the scenario's commands to the agents' command topics, as an external system would, and waits for the ack. */
final class CommandSender implements AutoCloseable {

    /** The service the commands come from, and who requested them. */
    static final String SOURCE = "chaos-bench";

    private final EventCodec codec = new EventCodec();
    private final KafkaProducer<String, byte[]> producer;

    CommandSender(String bootstrapServers) {
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
                new StringSerializer(), new ByteArraySerializer());
    }

    /** Sends {@code command} to its engine's topic, keyed by its target, and waits until the broker has it. */
    void send(EngineCommand command) throws InterruptedException {
        try {
            producer.send(codec.encode(Envelope.of(Envelope.sourceOf(SOURCE), command))).get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("unable to send " + command.getClass().getSimpleName() + " for target '"
                    + command.targetId() + "': " + e, e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
