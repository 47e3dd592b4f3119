package io.lifeboat.agent.pg;

import io.lifeboat.testkit.quarkus.KafkaResource;
import io.lifeboat.testkit.quarkus.ServiceStartsScenario;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;

/** Starts the packaged pg-agent against a real Kafka broker and checks that it reports live and ready. */
@QuarkusIntegrationTest
@QuarkusTestResource(KafkaResource.class)
class PgAgentStartsIT extends ServiceStartsScenario {
}
