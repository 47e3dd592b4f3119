package io.lifeboat.dr.bench;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.lifeboat.events.Topics;
import io.lifeboat.events.dr.FailoverCompleted;
import io.lifeboat.events.envelope.EventCodec;
import io.lifeboat.testkit.kafka.KafkaBroker;

/** The bench's broker: the topics the monitor and the orchestrator use, and the orchestrator's announcements. */
final class BenchKafka {

    private static final EventCodec CODEC = new EventCodec();

    private BenchKafka() {
    }

    /** Creates the topics the monitor and the orchestrator read and write, the run log compacted. */
    static void createTopics(KafkaBroker broker) {
        for (String topic : List.of(Topics.HEALTH.name(), Topics.POLICIES.name(), Topics.DR_COMMANDS.name(),
                Topics.DR_EVENTS.name(), Topics.COMMANDS_POSTGRES.name())) {
            broker.createTopic(topic, 1, false);
        }
        broker.createTopic(Topics.DR_RUNS.name(), 1, true);
    }

    /** The committed FailoverCompleted of a target on {@code lifeboat.dr.events}, if there is one. */
    static Optional<FailoverCompleted> failoverCompleted(KafkaBroker broker, String targetId) {
        return broker.readCommitted(Topics.DR_EVENTS.name(), Duration.ofSeconds(5)).stream()
                .filter(record -> record.value() != null && record.headers().lastHeader("ce_type") != null)
                .map(record -> CODEC.decode(record).payload()).filter(FailoverCompleted.class::isInstance)
                .map(FailoverCompleted.class::cast).filter(done -> done.targetId().equals(targetId)).findFirst();
    }
}
