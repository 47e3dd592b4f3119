package io.lifeboat.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.lifeboat.events.Topic;
import io.lifeboat.events.Topics;
import io.strimzi.api.kafka.model.user.KafkaUser;
import io.strimzi.api.kafka.model.user.KafkaUserAuthorizationSimple;
import io.strimzi.api.kafka.model.user.KafkaUserScramSha512ClientAuthentication;
import io.strimzi.api.kafka.model.user.acl.AclOperation;
import io.strimzi.api.kafka.model.user.acl.AclResourcePatternType;
import io.strimzi.api.kafka.model.user.acl.AclRule;
import io.strimzi.api.kafka.model.user.acl.AclRuleClusterResource;
import io.strimzi.api.kafka.model.user.acl.AclRuleTopicResource;

/**
 * Every service has its own SCRAM user whose ACLs name only the contract's topics (plus its own internal ones), and
 * who may write exactly the topics the contract lists the service as a writer of.
 */
class KafkaUsersTest {

    private static final Map<String, KafkaUser> USERS = Manifests.applied("KafkaUser").stream()
            .map(d -> (KafkaUser) StrictModels.parse(d))
            .collect(Collectors.toMap(u -> u.getMetadata().getName(), Function.identity()));

    private static List<AclRule> acls(String service) {
        KafkaUser user = USERS.get(service);
        assertThat(user).as("KafkaUser of %s", service).isNotNull();
        assertThat(user.getSpec().getAuthorization()).isInstanceOf(KafkaUserAuthorizationSimple.class);
        return ((KafkaUserAuthorizationSimple) user.getSpec().getAuthorization()).getAcls();
    }

    private static Set<String> literalTopics(String service, AclOperation operation) {
        return acls(service).stream().filter(a -> a.getResource() instanceof AclRuleTopicResource)
                .filter(a -> ((AclRuleTopicResource) a.getResource())
                        .getPatternType() == AclResourcePatternType.LITERAL)
                .filter(a -> a.getOperations().contains(operation))
                .map(a -> ((AclRuleTopicResource) a.getResource()).getName()).collect(Collectors.toSet());
    }

    @Test
    void everyServiceHasAScramUserOfItsOwn() {
        assertThat(USERS.keySet()).containsExactlyInAnyOrderElementsOf(ServiceModules.ports().keySet());
        USERS.values().forEach(user -> assertThat(user.getSpec().getAuthentication())
                .as(user.getMetadata().getName()).isInstanceOf(KafkaUserScramSha512ClientAuthentication.class));
    }

    @Test
    void topicAclsNameOnlyContractTopics() {
        Set<String> contract = Topics.all().stream().map(Topic::name).collect(Collectors.toSet());

        for (String service : USERS.keySet()) {
            assertThat(literalTopics(service, AclOperation.DESCRIBE)).as("%s topics", service)
                    .isSubsetOf(contract);
            assertThat(acls(service)).as("%s: no cluster-wide rights", service)
                    .noneMatch(a -> a.getResource() instanceof AclRuleClusterResource);
        }
    }

    @Test
    void servicesWriteExactlyTheTopicsTheContractNamesThemWritersOf() {
        for (String service : USERS.keySet()) {
            Set<String> expected = Topics.all().stream().filter(t -> t.writers().contains(service))
                    .map(Topic::name).collect(Collectors.toSet());
            // Dead letters come from any consumer that cannot decode a record; every service that consumes
            // contract records with its own decoder may write them.
            Set<String> written = literalTopics(service, AclOperation.WRITE);
            written.remove(Topics.DEADLETTER.name());

            assertThat(written).as("%s writes", service).containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    @Test
    void agentsReadOnlyTheirOwnCommandTopic() {
        Map<String, String> commands = Map.of("pg-agent", "lifeboat.commands.postgres", "redis-agent",
                "lifeboat.commands.redis", "mongo-agent", "lifeboat.commands.mongodb", "fs-agent",
                "lifeboat.commands.filesystem");

        commands.forEach((agent, topic) -> assertThat(literalTopics(agent, AclOperation.READ)).as(agent)
                .containsExactly(topic));
    }

    @Test
    void theJaasUserOfEachServiceIsItsKafkaUser() {
        for (String service : USERS.keySet()) {
            String jaas = Environments.container(service).getEnvFrom().stream()
                    .map(from -> Manifests.applied("ConfigMap", from.getConfigMapRef().getName()).node())
                    .map(node -> node.path("data").path("KAFKA_SASL_JAAS_CONFIG").asText()).findFirst().orElse("");

            assertThat(jaas).as(service).contains("username=\"" + service + "\"")
                    .contains("password=\"${KAFKA_SCRAM_PASSWORD}\"");
        }
    }
}
