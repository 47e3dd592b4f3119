package io.lifeboat.agent.pg.wal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import io.lifeboat.agentkit.agent.config.AgentConfig;
import io.lifeboat.events.LifeboatMessage;
import io.lifeboat.events.archive.ArchiveFailed;
import io.lifeboat.events.archive.ArchiveProgressed;
import io.lifeboat.events.envelope.Envelope;
import io.lifeboat.events.envelope.EventCodec;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/**
 * Writes {@link ArchiveProgressed} and {@link ArchiveFailed} facts to the outgoing channel {@code archive}
 * ({@code lifeboat.archive.events}), key = target id, without waiting for the broker: a lost progress report is
 * superseded by the next one, a lost failure is reported again on the archiver's next retry.
 */
@ApplicationScoped
public class ArchivePublisher {

    private static final Logger LOG = Logger.getLogger(ArchivePublisher.class);

    private final EventCodec codec = new EventCodec();

    @Inject
    @Channel("archive")
    MutinyEmitter<byte[]> archive;

    @Inject
    AgentConfig config;

    /** Sends the progress report; a failure is logged with the target, never thrown. */
    public void publish(ArchiveProgressed progress) {
        send(progress, "ArchiveProgressed of target '" + progress.targetId() + "' at " + progress.archivedPosition());
    }

    /** Sends the failure; a failure to send it is logged with the target, never thrown. */
    public void publish(ArchiveFailed failed) {
        send(failed, "ArchiveFailed (" + failed.failure() + ") of target '" + failed.targetId() + "'");
    }

    private void send(LifeboatMessage payload, String what) {
        Envelope<LifeboatMessage> fact = Envelope.of(Envelope.sourceOf(config.name().orElse("pg-agent")), payload);
        try {
            ProducerRecord<String, byte[]> record = codec.encode(fact);
            OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                    .withKey(record.key())
                    .withHeaders(record.headers())
                    .build();
            archive.sendMessage(Message.of(record.value()).addMetadata(metadata)).subscribe().with(ok -> {
            }, e -> failed(what, e));
        } catch (RuntimeException e) {
            failed(what, e);
        }
    }

    private static void failed(String what, Throwable e) {
        LOG.warnf("unable to write %s: %s", what, e.toString());
    }
}
