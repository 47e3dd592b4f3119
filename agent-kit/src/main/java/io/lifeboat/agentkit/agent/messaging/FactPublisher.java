package io.lifeboat.agentkit.agent.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import io.lifeboat.agentkit.agent.config.AgentConfig;
import io.lifeboat.events.envelope.Envelope;
import io.lifeboat.events.envelope.EventCodec;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/**
 * Writes facts through the outgoing channel {@code facts}, each to its own topic ({@code lifeboat.backup.events} for
 * backup facts, {@code lifeboat.archive.events} for archive progress): key = target id, the CloudEvents headers of
 * {@link EventCodec#encode}, and completion only when the broker acknowledged the record.
 */
@ApplicationScoped
public class FactPublisher {

    private static final Logger LOG = Logger.getLogger(FactPublisher.class);

    private final EventCodec codec = new EventCodec();

    @Inject
    @Channel("facts")
    MutinyEmitter<byte[]> facts;

    @Inject
    AgentConfig config;

    /**
     * Sends a fact and waits for the broker's acknowledgement ({@code acks=all}).
     *
     * @throws FactNotWrittenException naming the event when it was not written within the fact timeout
     */
    public void publish(Envelope<?> fact) {
        try {
            send(fact).await().atMost(config.factTimeout());
        } catch (RuntimeException e) {
            throw new FactNotWrittenException(fact, e);
        }
    }

    /** Sends a fact without waiting (progress facts); a failure is logged, never thrown. */
    public void publishLater(Envelope<?> fact) {
        send(fact).subscribe().with(ok -> {
        }, e -> LOG.warnf("unable to write %s '%s' of target '%s': %s", fact.type(), fact.id(), fact.subject(),
                e.toString()));
    }

    /** The send as a {@link Uni} that completes when the broker acknowledged the record. */
    public Uni<Void> send(Envelope<?> fact) {
        ProducerRecord<String, byte[]> record = codec.encode(fact);
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(record.topic())
                .withKey(record.key())
                .withHeaders(record.headers())
                .build();
        return facts.sendMessage(Message.of(record.value()).addMetadata(metadata));
    }
}
