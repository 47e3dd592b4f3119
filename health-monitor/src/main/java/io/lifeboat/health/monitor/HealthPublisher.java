package io.lifeboat.health.monitor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.lifeboat.events.admin.KafkaClientSettings;
import io.lifeboat.events.envelope.Envelope;
import io.lifeboat.events.envelope.EventCodec;

/**
 * Publishes health events to {@code lifeboat.health} as CloudEvents keyed by target id, through an idempotent producer
 * with {@code acks=all}: an event counts as published once every in-sync replica has it.
 */
@ApplicationScoped
public class HealthPublisher {

    private static final Logger LOG = Logger.getLogger(HealthPublisher.class);
    private static final long ACK_SECONDS = 15;

    private final EventCodec codec = new EventCodec();
    private final KafkaProducer<String, byte[]> producer;

    HealthPublisher(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap) {
        // The channels' kafka.* security settings (TLS, SASL) apply to this producer too.
        KafkaClientSettings kafka = KafkaClientSettings.fromConfig(bootstrap);
        this.producer = new KafkaProducer<>(kafka.clientConfig(Map.of(ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true, ProducerConfig.CLIENT_ID_CONFIG,
                "lifeboat-health-monitor",
                // A round's events wait no longer than the next round; what is not taken is retried then.
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 12_000, ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000)), new StringSerializer(), new ByteArraySerializer());
    }

    /**
     * Publishes envelopes in order and waits for the broker to acknowledge them.
     *
     * @param envelopes the envelopes, each encoded with its own id
     * @return the envelopes the broker did not take, in order; empty when it took every one
     */
    public List<Envelope<?>> publish(List<Envelope<?>> envelopes) {
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        List<Envelope<?>> failed = new ArrayList<>();
        List<Envelope<?>> written = new ArrayList<>();
        for (Envelope<?> envelope : envelopes) {
            ProducerRecord<String, byte[]> record;
            try {
                record = codec.encode(envelope);
            } catch (IllegalArgumentException e) {
                // An event its own schema refuses will be refused on every attempt: dropped, not retried.
                LOG.errorf("dropping %s of target '%s': %s", envelope.type(), envelope.subject(), e.getMessage());
                continue;
            }
            written.add(envelope);
            try {
                sent.add(producer.send(record));
            } catch (RuntimeException e) {
                LOG.warnf("unable to send %s of target '%s': %s", envelope.type(), envelope.subject(), e);
                sent.add(null);
            }
        }
        for (int i = 0; i < written.size(); i++) {
            if (!acknowledged(written.get(i), sent.get(i))) {
                failed.add(written.get(i));
            }
        }
        return failed;
    }

    private static boolean acknowledged(Envelope<?> envelope, Future<RecordMetadata> sending) {
        if (sending == null) {
            return false;
        }
        try {
            sending.get(ACK_SECONDS, TimeUnit.SECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            LOG.warnf("the broker did not take %s %s of target '%s': %s", envelope.type(), envelope.id(),
                    envelope.subject(), cause);
            return false;
        }
    }

    @PreDestroy
    void close() {
        producer.close();
    }
}
