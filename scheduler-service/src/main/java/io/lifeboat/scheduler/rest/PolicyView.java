package io.lifeboat.scheduler.rest;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.lifeboat.events.Topics;
import io.lifeboat.events.admin.KafkaClientSettings;
import io.lifeboat.events.envelope.EventCodec;
import io.lifeboat.events.envelope.InvalidEventException;
import io.lifeboat.events.policy.PolicyDefined;
import io.quarkus.runtime.StartupEvent;

/**
 * Every policy in force, read from {@code lifeboat.policies} (committed records only) on every instance, so that any
 * instance answers the REST API and can wait until a policy it asked for is in force.
 */
@ApplicationScoped
public class PolicyView {

    private static final Logger LOG = Logger.getLogger(PolicyView.class);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration RETRY = Duration.ofSeconds(2);

    private final Map<String, PolicyDefined> policies = new ConcurrentHashMap<>();
    private final CountDownLatch caughtUp = new CountDownLatch(1);
    private final EventCodec codec = new EventCodec();
    private volatile KafkaConsumer<String, byte[]> consumer;
    private volatile boolean running = true;
    private Thread reader;

    void onStart(@Observes StartupEvent start, @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap) {
        KafkaClientSettings kafka = KafkaClientSettings.fromConfig(bootstrap);
        reader = new Thread(() -> readUntilClosed(kafka), "policy-view");
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Returns the policy in force for a target.
     *
     * @param targetId the target
     * @return the policy, or empty when the target has none
     */
    public Optional<PolicyDefined> get(String targetId) {
        return Optional.ofNullable(policies.get(targetId));
    }

    /**
     * Returns every policy in force, by target id.
     *
     * @return the policies
     */
    public List<PolicyDefined> all() {
        List<PolicyDefined> all = new ArrayList<>(policies.values());
        all.sort(Comparator.comparing(PolicyDefined::targetId));
        return all;
    }

    /**
     * Tells whether the view has read the topic up to its end once since start.
     *
     * @return true once caught up
     */
    public boolean isCaughtUp() {
        return caughtUp.getCount() == 0;
    }

    /**
     * Waits until the target's state in the view satisfies a condition.
     *
     * @param targetId the target
     * @param condition the condition on its policy (null when it has none)
     * @param patience how long to wait
     * @return true when the condition held within {@code patience}
     * @throws InterruptedException when interrupted while waiting
     */
    public boolean await(String targetId, Predicate<PolicyDefined> condition, Duration patience)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(patience);
        caughtUp.await(patience.toMillis(), TimeUnit.MILLISECONDS);
        while (!condition.test(policies.get(targetId))) {
            if (Instant.now().isAfter(deadline)) {
                return false;
            }
            Thread.sleep(50);
        }
        return true;
    }

    // A refused login (a KafkaUser created after the pod) or a lost broker must not end the view for good: it reads
    // the compacted topic again from the beginning until the service stops.
    private void readUntilClosed(KafkaClientSettings settings) {
        while (running) {
            read(settings);
            if (running) {
                try {
                    Thread.sleep(RETRY.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private void read(KafkaClientSettings settings) {
        try (KafkaConsumer<String, byte[]> kafka = new KafkaConsumer<>(settings.clientConfig(Map.of(
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.CLIENT_ID_CONFIG, "lifeboat-scheduler-policy-view")), new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer = kafka;
            List<TopicPartition> partitions = partitions(kafka);
            kafka.assign(partitions);
            kafka.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = kafka.endOffsets(partitions);
            while (running) {
                for (ConsumerRecord<String, byte[]> record : kafka.poll(POLL)) {
                    apply(record);
                }
                if (caughtUp.getCount() > 0 && ends.entrySet().stream()
                        .allMatch(end -> kafka.position(end.getKey()) >= end.getValue())) {
                    caughtUp.countDown();
                }
            }
        } catch (WakeupException stopping) {
            // close() woke the consumer up.
        } catch (RuntimeException e) {
            LOG.errorf(e, "the policy view stopped reading %s from %s; reading it again in %s", Topics.POLICIES.name(),
                    settings, RETRY);
        }
    }

    private List<TopicPartition> partitions(KafkaConsumer<String, byte[]> kafka) {
        while (running) {
            List<PartitionInfo> infos = kafka.partitionsFor(Topics.POLICIES.name(), Duration.ofSeconds(10));
            if (infos != null && !infos.isEmpty()) {
                return infos.stream().map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            }
        }
        throw new WakeupException();
    }

    private void apply(ConsumerRecord<String, byte[]> record) {
        if (record.key() == null) {
            return;
        }
        if (record.value() == null) {
            policies.remove(record.key());
            return;
        }
        try {
            if (codec.decode(record).payload() instanceof PolicyDefined policy) {
                policies.put(record.key(), policy);
            }
        } catch (InvalidEventException e) {
            LOG.warnf("ignoring an unreadable record at %s-%d@%d: %s", record.topic(), record.partition(),
                    record.offset(), e.getMessage());
        }
    }

    @PreDestroy
    void close() {
        running = false;
        KafkaConsumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
    }
}
