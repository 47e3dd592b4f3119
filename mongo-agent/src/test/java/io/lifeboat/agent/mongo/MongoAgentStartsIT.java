package io.lifeboat.agent.mongo;

import io.lifeboat.testkit.quarkus.KafkaResource;
import io.lifeboat.testkit.quarkus.ServiceStartsScenario;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;

/** Starts the packaged mongo-agent against a real Kafka broker and checks that it reports live and ready. */
@QuarkusIntegrationTest
@QuarkusTestResource(KafkaResource.class)
class MongoAgentStartsIT extends ServiceStartsScenario {
}
