package io.lifeboat.scheduler.rest;

import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.lifeboat.events.Command;
import io.lifeboat.events.admin.KafkaClientSettings;
import io.lifeboat.events.envelope.Envelope;
import io.lifeboat.events.envelope.EventCodec;
import io.lifeboat.events.envelope.TraceContext;

/**
 * Publishes commands asked for over REST or by the policy file as CloudEvents, and returns once the broker has them:
 * an idempotent producer with {@code acks=all}, so an accepted request is never lost.
 */
@ApplicationScoped
public class CommandPublisher {

    private static final long ACK_SECONDS = 15;

    private final EventCodec codec = new EventCodec();
    private final KafkaProducer<String, byte[]> producer;

    CommandPublisher(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap) {
        this.producer = new KafkaProducer<>(KafkaClientSettings.fromConfig(bootstrap).clientConfig(Map.of(
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.CLIENT_ID_CONFIG, "lifeboat-scheduler-api")), new StringSerializer(),
                new ByteArraySerializer());
    }

    /**
     * Publishes a command to the topic of its type, keyed by its target, in a trace of its own.
     *
     * @param command the command
     * @return the topic it was written to
     * @throws IllegalStateException when the broker does not acknowledge it in time
     */
    public String publish(Command command) {
        return publish(command, null, null);
    }

    /**
     * Publishes a command in the caller's trace, given by its W3C {@code traceparent} and {@code tracestate}.
     *
     * @param command the command
     * @param traceparent the caller's {@code traceparent}; a new trace when absent or invalid
     * @param tracestate the caller's {@code tracestate}, may be null
     * @return the topic it was written to
     * @throws IllegalStateException when the broker does not acknowledge it in time
     */
    public String publish(Command command, String traceparent, String tracestate) {
        try {
            RecordMetadata written = producer.send(codec.encode(envelope(command, traceparent, tracestate)))
                    .get(ACK_SECONDS, TimeUnit.SECONDS);
            return written.topic();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing " + describe(command), e);
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            throw new IllegalStateException("the broker did not take " + describe(command) + ": " + cause, cause);
        }
    }

    /**
     * Wraps a command as the scheduler publishes it: a span under the caller's trace, or the root of a new trace.
     *
     * @param command the command
     * @param traceparent the caller's {@code traceparent}, may be null
     * @param tracestate the caller's {@code tracestate}, may be null
     * @return the envelope
     */
    static Envelope<Command> envelope(Command command, String traceparent, String tracestate) {
        return Envelope.<Command>of(Envelope.sourceOf("scheduler-service"), command)
                .withTrace(TraceContext.continuing(traceparent, tracestate));
    }

    private static String describe(Command command) {
        return command.getClass().getSimpleName() + " " + command.commandId() + " for target '" + command.targetId()
                + "'";
    }

    @PreDestroy
    void close() {
        producer.close();
    }
}
