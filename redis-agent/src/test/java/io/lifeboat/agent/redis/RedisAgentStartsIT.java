package io.lifeboat.agent.redis;

import io.lifeboat.testkit.quarkus.KafkaResource;
import io.lifeboat.testkit.quarkus.ServiceStartsScenario;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;

/** Starts the packaged redis-agent against a real Kafka broker and checks that it reports live and ready. */
@QuarkusIntegrationTest
@QuarkusTestResource(KafkaResource.class)
class RedisAgentStartsIT extends ServiceStartsScenario {
}
