package io.lifeboat.cli.ops;

import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import io.lifeboat.events.Command;
import io.lifeboat.events.admin.KafkaClientSettings;
import io.lifeboat.events.envelope.Envelope;
import io.lifeboat.events.envelope.EventCodec;
import io.lifeboat.events.envelope.TraceContext;

/**
 * Publishes DR commands (StartDrill, StartRestore, StartFailover, ApproveRun) to {@code lifeboat.dr.commands}, and
 * VerifyBackup to the engine's command topic, as CloudEvents keyed by target id, with an idempotent producer that
 * waits for every in-sync replica; each command continues the trace of the {@code TRACEPARENT} environment variable,
 * or starts one.
 */
public final class DrCommandPublisher implements AutoCloseable {

    /** The CloudEvents source of what the command line publishes. */
    public static final String SOURCE = "lifeboat-cli";
    /** Environment variable a calling script sets to put the command in its W3C trace. */
    public static final String TRACEPARENT_ENV = "TRACEPARENT";
    /** Environment variable with the W3C {@code tracestate} that goes with {@link #TRACEPARENT_ENV}. */
    public static final String TRACESTATE_ENV = "TRACESTATE";

    private static final int WAIT_MS = 15_000;

    private final KafkaClientSettings kafka;
    private final EventCodec codec = new EventCodec();
    private final KafkaProducer<String, byte[]> producer;

    /** A publisher to the Kafka cluster of {@code kafka}, with its security settings. */
    public DrCommandPublisher(KafkaClientSettings kafka) {
        this.kafka = kafka;
        try {
            this.producer = new KafkaProducer<>(kafka.clientConfig(Map.of(ProducerConfig.ACKS_CONFIG, "all",
                    ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                    ProducerConfig.CLIENT_ID_CONFIG, SOURCE,
                    // An operator at a terminal should hear within seconds that the broker is not there.
                    ProducerConfig.MAX_BLOCK_MS_CONFIG, WAIT_MS, ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, WAIT_MS,
                    ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, WAIT_MS + 1_000, ProducerConfig.LINGER_MS_CONFIG, 0)),
                    new StringSerializer(), new ByteArraySerializer());
        } catch (RuntimeException e) {
            throw new OpsFailure("unable to connect to Kafka at " + kafka + ": " + e.getMessage()
                    + "; pass --bootstrap HOST:PORT (and --kafka-config FILE)", e);
        }
    }

    /**
     * Publishes one command and waits until the cluster has it.
     *
     * @param command the command; its target id is the record's key
     * @return where it was written
     * @throws OpsFailure naming the command, the target and the broker when it could not be written
     */
    public RecordMetadata publish(Command command) {
        ProducerRecord<String, byte[]> record = codec.encode(envelope(command, System.getenv(TRACEPARENT_ENV),
                System.getenv(TRACESTATE_ENV)));
        String what = command.getClass().getSimpleName() + " for target '" + command.targetId() + "'";
        try {
            return producer.send(record).get(WAIT_MS * 2L, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new OpsFailure("unable to publish " + what + " to " + record.topic() + ": Kafka not reachable at "
                    + kafka + " (" + cause.getMessage() + "); start the stack with ./lifeboat demo or pass "
                    + "--bootstrap HOST:PORT", cause);
        } catch (TimeoutException e) {
            throw new OpsFailure("unable to publish " + what + " to " + record.topic() + ": no answer from Kafka at "
                    + kafka + "; start the stack with ./lifeboat demo or pass --bootstrap HOST:PORT", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OpsFailure("interrupted while publishing " + what, e);
        }
    }

    /**
     * Wraps a command: a span under the caller's trace when {@code traceparent} is valid W3C, else a new trace.
     *
     * @param command the command
     * @param traceparent the caller's {@code traceparent}, may be null
     * @param tracestate the caller's {@code tracestate}, may be null
     * @return the envelope to publish
     */
    static Envelope<Command> envelope(Command command, String traceparent, String tracestate) {
        return Envelope.<Command>of(Envelope.sourceOf(SOURCE), command)
                .withTrace(TraceContext.continuing(traceparent, tracestate));
    }

    /** Closes the producer, flushing nothing: every publish has already waited for its acknowledgement. */
    @Override
    public void close() {
        producer.close(java.time.Duration.ofSeconds(5));
    }
}
