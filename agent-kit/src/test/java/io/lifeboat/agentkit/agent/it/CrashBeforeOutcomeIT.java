package io.lifeboat.agentkit.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import io.lifeboat.agentkit.agent.domain.BackupIds;
import io.lifeboat.agentkit.agent.runner.BackupRunner;
import io.lifeboat.agentkit.pipeline.ArtifactPipeline;
import io.lifeboat.agentkit.pipeline.Manifest;
import io.lifeboat.agentkit.storage.ArtifactLayout;
import io.lifeboat.agentkit.storage.ObjectInfo;
import io.lifeboat.agentkit.storage.ObjectStore;
import io.lifeboat.events.backup.BackupCompleted;
import io.lifeboat.events.backup.RunBackup;
import io.lifeboat.events.envelope.Envelope;
import io.lifeboat.testkit.kafka.KafkaBroker;
import io.lifeboat.testkit.process.Await;
import io.lifeboat.testkit.quarkus.KafkaResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The agent stores the artifact and its manifest, then stops before writing the outcome and acknowledging the
 * command (the outcome fact is lost, as when the process dies there). A rebalance of the agent's consumer group, as
 * on a restart, makes the group resume from the committed offset and redeliver the command.
 */
@QuarkusTest
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(AgentTestResource.class)
class CrashBeforeOutcomeIT {

    @Inject
    CrashingFactPublisher publisher;

    @Inject
    BackupRunner runner;

    @Inject
    ArtifactPipeline pipeline;

    @Inject
    ObjectStore store;

    @Inject
    ArtifactLayout layout;

    @Test
    void redeliveryAfterACrashBetweenManifestAndCommitYieldsOneArtifactAndOneCompletion() throws Exception {
        publisher.crashBeforeOutcome("crash-1");
        Envelope<RunBackup> command = AgentKafka.runBackup("crash-1");
        String backupId = BackupIds.backupId(command.payload());
        RecordMetadata sent = AgentKafka.send(command);
        TopicPartition partition = new TopicPartition(sent.topic(), sent.partition());

        Await.until("the crashed backup", AgentKafka.PATIENCE, () -> runner.problem() != null, () -> "no problem");
        assertThat(pipeline.manifest("crash-1", backupId)).isPresent();
        assertThat(completions(backupId)).isEmpty();
        OffsetAndMetadata committed = AgentKafka.committed(partition);
        assertThat(committed == null ? 0 : committed.offset()).isLessThanOrEqualTo(sent.offset());

        rebalanceAgentGroup();

        AgentKafka.awaitCommitted(sent);
        assertThat(completions(backupId)).hasSize(1);
        assertThat(runner.problem()).isNull();
        Manifest manifest = pipeline.manifest("crash-1", backupId).orElseThrow();
        List<String> keys = store.list(layout.backupPrefix("crash-1", backupId)).stream().map(ObjectInfo::key)
                .toList();
        assertThat(keys).filteredOn(key -> key.endsWith("manifest.json")).hasSize(1);
        assertThat(keys).filteredOn(key -> !key.endsWith("manifest.json"))
                .containsExactlyInAnyOrderElementsOf(manifest.parts().stream().map(Manifest.Part::key).toList());
        assertThat(store.list("crash-1/")).hasSize(keys.size());
    }

    private static List<Envelope<?>> completions(String backupId) {
        return AgentKafka.facts(f -> f.payload() instanceof BackupCompleted completed
                && completed.backupId().equals(backupId));
    }

    /** A member joins the agent's group and leaves again: every partition is revoked and assigned anew. */
    private static void rebalanceAgentGroup() {
        try (KafkaConsumer<String, byte[]> member = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.shared().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, AgentTestResource.GROUP,
                ConsumerConfig.CLIENT_ID_CONFIG, "rebalancer-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"), new StringDeserializer(),
                new ByteArrayDeserializer())) {
            member.subscribe(List.of(AgentTestResource.COMMANDS));
            Await.until("a rebalance of group " + AgentTestResource.GROUP, AgentKafka.PATIENCE, () -> {
                member.poll(Duration.ofMillis(100));
                return !member.assignment().isEmpty();
            }, () -> "no partition assigned");
        }
    }
}
