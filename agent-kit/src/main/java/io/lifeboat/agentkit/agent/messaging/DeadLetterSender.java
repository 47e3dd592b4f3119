package io.lifeboat.agentkit.agent.messaging;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.lifeboat.events.deadletter.DeadLetterRecords;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/**
 * Copies a rejected command to the outgoing channel {@code dead-letters} ({@code lifeboat.deadletter}) with the
 * {@code lifeboat.dlq.*} headers that {@link DeadLetterRecords} builds (reason, source topic, partition, offset).
 */
@ApplicationScoped
public class DeadLetterSender {

    @Inject
    @Channel("dead-letters")
    MutinyEmitter<byte[]> deadLetters;

    // Two properties, not one with an expression as default: a default value is not expanded, so the header read
    // "${quarkus.application.name}".
    @ConfigProperty(name = "mp.messaging.incoming.commands.group.id")
    Optional<String> group;

    @ConfigProperty(name = "quarkus.application.name")
    String application;

    /** Sends {@code record} with {@code cause}; the {@link Uni} completes when the broker acknowledged it. */
    public Uni<Void> send(ConsumerRecord<String, byte[]> record, Throwable cause) {
        // The send goes through the SmallRye channel so that the command is acknowledged after the dead letter is,
        // like every other outcome.
        ProducerRecord<byte[], byte[]> letter = new DeadLetterRecords(group.orElse(application)).of(record, cause);
        OutgoingKafkaRecordMetadata<byte[]> metadata = OutgoingKafkaRecordMetadata.<byte[]>builder()
                .withKey(letter.key())
                .withHeaders(letter.headers())
                .build();
        return deadLetters.sendMessage(Message.of(letter.value()).addMetadata(metadata));
    }
}
