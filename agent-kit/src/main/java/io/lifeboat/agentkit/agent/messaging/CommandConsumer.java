package io.lifeboat.agentkit.agent.messaging;

import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import io.lifeboat.agentkit.agent.BackupEngine;
import io.lifeboat.agentkit.agent.runner.BackupRunner;
import io.lifeboat.agentkit.agent.runner.ExpireRunner;
import io.lifeboat.agentkit.agent.runner.RestoreRunner;
import io.lifeboat.agentkit.agent.runner.VerifyRunner;
import io.lifeboat.events.EngineCommand;
import io.lifeboat.events.Topics;
import io.lifeboat.events.backup.ExpireBackups;
import io.lifeboat.events.backup.RestoreBackup;
import io.lifeboat.events.backup.RunBackup;
import io.lifeboat.events.backup.VerifyBackup;
import io.lifeboat.events.envelope.Envelope;
import io.lifeboat.events.envelope.EventCodec;
import io.lifeboat.events.envelope.InvalidEventException;
import io.lifeboat.events.envelope.TraceContext;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;

/**
 * Reads the engine's command topic (channel {@code commands}): dead-letters what is not a valid command, hands each
 * {@link RunBackup} to the {@link BackupRunner}, each {@link RestoreBackup} to the {@link RestoreRunner}, each
 * {@link VerifyBackup} to the {@link VerifyRunner} and each {@link ExpireBackups} to the {@link ExpireRunner}.
 */
@ApplicationScoped
public class CommandConsumer {

    private static final Logger LOG = Logger.getLogger(CommandConsumer.class);

    private final EventCodec codec = new EventCodec();

    @Inject
    BackupEngine engine;

    @Inject
    BackupRunner runner;

    @Inject
    RestoreRunner restores;

    @Inject
    VerifyRunner verifications;

    @Inject
    ExpireRunner expiries;

    @Inject
    DeadLetterSender deadLetters;

    @ConfigProperty(name = "mp.messaging.incoming.commands.topic")
    String topic;

    void checkTopic(@Observes StartupEvent started) {
        String expected = Topics.commandsFor(engine.engine()).name();
        if (!expected.equals(topic)) {
            throw new IllegalStateException("the " + engine.engine().id() + " agent reads topic '" + topic
                    + "' but its commands are on '" + expected + "': set mp.messaging.incoming.commands.topic="
                    + expected);
        }
    }

    /**
     * Handles one record; the returned stage completes as soon as the record is dead-lettered, acknowledged or queued
     * (later when the runner's queue is full), while a queued backup acknowledges its record after its outcome fact.
     */
    @Incoming("commands")
    public CompletionStage<Void> consume(Message<byte[]> message) {
        @SuppressWarnings("unchecked")
        IncomingKafkaRecordMetadata<String, byte[]> metadata = message.getMetadata(IncomingKafkaRecordMetadata.class)
                .orElseThrow(
                        () -> new IllegalStateException("channel 'commands' must use the smallrye-kafka connector"));
        ConsumerRecord<String, byte[]> record = metadata.getRecord();
        Envelope<?> command;
        try {
            command = codec.decode(record);
            if (command.payload() instanceof EngineCommand sent && sent.engine() != engine.engine()) {
                throw new InvalidEventException(record.topic(), record.partition(), record.offset(),
                        sent.getClass().getSimpleName() + " '" + sent.commandId() + "' is for engine "
                                + sent.engine().id() + ", this agent runs " + engine.engine().id(),
                        null);
            }
        } catch (InvalidEventException e) {
            LOG.warnf("dead-lettering command: %s", e.getMessage());
            return deadLetters.send(record, e).subscribeAsCompletionStage()
                    .handle((ok, failure) -> failure == null ? message.ack() : message.nack(failure))
                    .thenCompose(stage -> stage);
        }
        if (command.trace() == null) {
            // A command from a producer that traces nothing: its facts still share one trace of their own.
            command = command.withTrace(TraceContext.start());
        }
        if (command.payload() instanceof RunBackup) {
            @SuppressWarnings("unchecked")
            Envelope<RunBackup> run = (Envelope<RunBackup>) command;
            return runner.submit(run, message::ack);
        }
        if (command.payload() instanceof RestoreBackup) {
            @SuppressWarnings("unchecked")
            Envelope<RestoreBackup> restore = (Envelope<RestoreBackup>) command;
            return restores.submit(restore, message::ack);
        }
        if (command.payload() instanceof VerifyBackup) {
            @SuppressWarnings("unchecked")
            Envelope<VerifyBackup> verify = (Envelope<VerifyBackup>) command;
            return verifications.submit(verify, message::ack);
        }
        if (command.payload() instanceof ExpireBackups) {
            @SuppressWarnings("unchecked")
            Envelope<ExpireBackups> expire = (Envelope<ExpireBackups>) command;
            return expiries.submit(expire, message::ack);
        }
        LOG.warnf("%s '%s' for target '%s' is no command the %s agent handles; acknowledged", command.type(),
                command.id(), command.subject(), engine.engine().id());
        return message.ack();
    }
}
