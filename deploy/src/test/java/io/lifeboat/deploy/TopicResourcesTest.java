package io.lifeboat.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.lifeboat.events.Topic;
import io.lifeboat.events.Topics;
import io.strimzi.api.kafka.model.topic.KafkaTopic;

/**
 * Every topic of the contract has its Strimzi {@code KafkaTopic}: three replicas, two in sync for a write, compacted
 * exactly where the contract says so.
 */
class TopicResourcesTest {

    private static Map<String, KafkaTopic> topicsByName() {
        List<KafkaTopic> topics = Manifests.applied("KafkaTopic").stream()
                .map(d -> (KafkaTopic) StrictModels.parse(d)).toList();
        return topics.stream().collect(Collectors.toMap(t -> t.getSpec().getTopicName(), Function.identity()));
    }

    @Test
    void everyContractTopicHasAKafkaTopicWithThreeReplicasAndTwoInSync() {
        Map<String, KafkaTopic> resources = topicsByName();

        assertThat(resources.keySet()).containsExactlyInAnyOrderElementsOf(
                Topics.all().stream().map(Topic::name).toList());
        for (Topic topic : Topics.all()) {
            KafkaTopic resource = resources.get(topic.name());
            assertThat(resource.getMetadata().getLabels()).as(topic.name()).containsEntry("strimzi.io/cluster",
                    "lifeboat");
            assertThat(resource.getSpec().getReplicas()).as("%s replicas", topic.name()).isEqualTo(3);
            assertThat(resource.getSpec().getConfig()).as("%s config", topic.name())
                    .containsEntry("min.insync.replicas", 2);
        }
    }

    @Test
    void compactedTopicsAreExactlyThoseTheContractCompacts() {
        Map<String, KafkaTopic> resources = topicsByName();

        for (Topic topic : Topics.all()) {
            assertThat(resources.get(topic.name()).getSpec().getConfig().get("cleanup.policy"))
                    .as("cleanup.policy of %s", topic.name()).isEqualTo(topic.compacted() ? "compact" : "delete");
        }
    }
}
