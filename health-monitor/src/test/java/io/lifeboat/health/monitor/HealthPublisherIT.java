package io.lifeboat.health.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.lifeboat.events.Engine;
import io.lifeboat.events.Topics;
import io.lifeboat.events.envelope.Envelope;
import io.lifeboat.events.envelope.EventCodec;
import io.lifeboat.events.health.HealthStatus;
import io.lifeboat.events.health.TargetBecameUnhealthy;
import io.lifeboat.events.health.TargetHealthReported;
import io.lifeboat.testkit.kafka.KafkaBroker;
import io.lifeboat.testkit.process.FreePorts;

/** The publisher against a real broker: events arrive as CloudEvents keyed by target, and none is lost silently. */
class HealthPublisherIT {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    @Test
    void writesEventsInOrderKeyedByTheTargetWithTheirEnvelopeIds() {
        String target = "pub-" + UUID.randomUUID();
        HealthPublisher publisher = new HealthPublisher(KafkaBroker.shared().bootstrapServers());
        List<Envelope<?>> envelopes = List.of(envelope(new TargetBecameUnhealthy(target, Engine.REDIS, "cache:6379",
                "node", "refused", 3, T0, T0, "monitor-a")), envelope(
                        new TargetHealthReported(target, Engine.REDIS,
                                "monitor-a", HealthStatus.UNHEALTHY, 3, List.of(), Duration.ofSeconds(5), T0)));

        List<Envelope<?>> failed = publisher.publish(envelopes);
        publisher.close();

        assertThat(failed).isEmpty();
        EventCodec codec = new EventCodec();
        List<Envelope<?>> read = KafkaBroker.shared().readCommitted(Topics.HEALTH.name(), Duration.ofSeconds(30))
                .stream().filter(record -> target.equals(record.key())).<Envelope<?>>map(codec::decode).toList();
        assertThat(read).extracting(Envelope::id).containsExactly(envelopes.get(0).id(), envelopes.get(1).id());
        assertThat(read.stream().map(Envelope::payload).toList())
                .isEqualTo(envelopes.stream().map(Envelope::payload).toList());
    }

    @Test
    void handsBackEveryEnvelopeWhenNoBrokerAnswers() {
        HealthPublisher publisher = new HealthPublisher("127.0.0.1:" + FreePorts.find());
        List<Envelope<?>> envelopes = List.of(envelope(new TargetHealthReported("orders-db", Engine.POSTGRES,
                "monitor-a", HealthStatus.HEALTHY, 0, List.of(), Duration.ofSeconds(5), T0)));

        List<Envelope<?>> failed = publisher.publish(envelopes);
        publisher.close();

        assertThat(failed).containsExactlyElementsOf(envelopes);
    }

    private static Envelope<?> envelope(io.lifeboat.events.LifeboatMessage message) {
        return Envelope.of(Envelope.sourceOf("health-monitor"), message);
    }
}
