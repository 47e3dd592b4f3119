package io.lifeboat.dr.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import io.lifeboat.testkit.kafka.KafkaBroker;

/**
 * A broker of the test class's own: every orchestrator shares the transactional id and reads the whole run log at
 * start, so runs of another class (a hold-down, say) must not be in it.
 */
abstract class OwnBroker {

    static KafkaBroker broker;
    static DrKafka kafka;

    @BeforeAll
    static void startBroker() {
        broker = KafkaBroker.start();
        DrKafka.createTopics(broker);
        kafka = new DrKafka(broker);
    }

    @AfterAll
    static void stopBroker() {
        kafka.close();
        broker.close();
    }
}
