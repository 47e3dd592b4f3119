package io.lifeboat.agentkit.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

import io.lifeboat.events.Topics;
import io.lifeboat.events.backup.BackupCompleted;
import io.lifeboat.events.backup.RunBackup;
import io.lifeboat.events.deadletter.DeadLetterHeaders;
import io.lifeboat.events.envelope.Envelope;
import io.lifeboat.testkit.quarkus.KafkaResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(AgentTestResource.class)
class MalformedCommandsIT {

    @Test
    void deadLettersEveryMalformedCommandWithItsReasonAndCompletesEveryValidOne() throws Exception {
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
        List<Envelope<RunBackup>> valid = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            if (i % 20 == 0) {
                Envelope<RunBackup> command = AgentKafka.runBackup("mixed-" + i);
                valid.add(command);
                records.add(AgentKafka.CODEC.encode(command));
            }
            records.add(malformed(i));
        }

        List<RecordMetadata> sent = AgentKafka.send(records);
        sent.forEach(AgentKafka::awaitCommitted);

        List<ConsumerRecord<String, byte[]>> letters = AgentKafka.readAll(Topics.DEADLETTER.name()).stream()
                .filter(r -> r.key() != null && r.key().startsWith("malformed-")).toList();
        assertThat(letters).hasSize(100).allSatisfy(letter -> {
            assertThat(header(letter, DeadLetterHeaders.REASON)).isNotBlank();
            assertThat(header(letter, DeadLetterHeaders.TOPIC)).isEqualTo(AgentTestResource.COMMANDS);
            assertThat(header(letter, DeadLetterHeaders.OFFSET)).isNotBlank();
        });
        assertThat(letters.stream().map(l -> header(l, DeadLetterHeaders.REASON)).filter(r -> r.contains("schema")))
                .hasSize(33);
        assertThat(letters.stream().map(l -> header(l, DeadLetterHeaders.REASON))
                .filter(r -> r.contains("io.lifeboat.backup.nonsense.v1"))).hasSize(33);
        Set<String> completed = AgentKafka.facts(f -> f.payload() instanceof BackupCompleted).stream()
                .map(f -> ((BackupCompleted) f.payload()).commandId()).collect(Collectors.toSet());
        assertThat(completed).containsAll(valid.stream().map(v -> v.payload().commandId()).toList());
    }

    /** Non-JSON bodies, bodies violating the RunBackup schema, and an unknown type, in turn. */
    private static ProducerRecord<String, byte[]> malformed(int i) {
        ProducerRecord<String, byte[]> good = AgentKafka.CODEC.encode(AgentKafka.runBackup("malformed-" + i));
        byte[] value = good.value();
        switch (i % 3) {
            case 0 -> value = ("not json " + i + " {").getBytes(StandardCharsets.UTF_8);
            case 1 -> value = new String(value, StandardCharsets.UTF_8).replace("\"targetId\"", "\"target\"")
                    .getBytes(StandardCharsets.UTF_8);
            default -> {
                good.headers().remove("ce_type");
                good.headers().add("ce_type", "io.lifeboat.backup.nonsense.v1".getBytes(StandardCharsets.UTF_8));
            }
        }
        return new ProducerRecord<>(good.topic(), null, "malformed-" + i, value, good.headers());
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
