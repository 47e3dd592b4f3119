package io.lifeboat.agentkit.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;

import io.lifeboat.events.backup.RunBackup;
import io.lifeboat.events.envelope.Envelope;
import io.lifeboat.testkit.process.Await;
import io.lifeboat.testkit.quarkus.KafkaResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(AgentTestResource.class)
class BackupOrderingIT {

    @Inject
    FakeBackupEngine engine;

    @Test
    void runsOneBackupPerTargetAtATimeAndDifferentTargetsConcurrentlyUpToTheLimitOfTwo() throws Exception {
        engine.block("order-a");
        engine.block("order-b");
        engine.block("order-c");
        engine.resetMaxima();
        Envelope<RunBackup> a1 = AgentKafka.runBackup("order-a");
        Envelope<RunBackup> a2 = AgentKafka.runBackup("order-a");
        Envelope<RunBackup> b = AgentKafka.runBackup("order-b");
        Envelope<RunBackup> c = AgentKafka.runBackup("order-c");
        List<RecordMetadata> sent = AgentKafka.send(List.of(AgentKafka.CODEC.encode(a1),
                AgentKafka.CODEC.encode(a2), AgentKafka.CODEC.encode(b), AgentKafka.CODEC.encode(c)));

        Await.until("two backups blocked at once", AgentKafka.PATIENCE,
                () -> engine.running("order-a") + engine.running("order-b") + engine.running("order-c") == 2,
                () -> engine.log().toString());
        assertThat(engine.running("order-a")).isEqualTo(1);
        assertThat(engine.log()).doesNotContain("start " + a2.payload().commandId());

        engine.release("order-a");
        engine.release("order-b");
        engine.release("order-c");
        sent.forEach(AgentKafka::awaitCommitted);

        List<String> log = engine.log();
        assertThat(log.indexOf("end " + a1.payload().commandId()))
                .isLessThan(log.indexOf("start " + a2.payload().commandId()));
        assertThat(engine.maxRunningPerTarget()).isEqualTo(1);
        assertThat(engine.maxRunning()).isEqualTo(2);
    }
}
