package io.lifeboat.agent.pg.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.lifeboat.testkit.kafka.KafkaBroker;
import io.lifeboat.testkit.postgres.PostgresServer;
import io.lifeboat.testkit.quarkus.KafkaResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Every single-row commit reaches the change feed, and the time from commit to the record is printed (measured,
 * not asserted: the figures in cdc/DESIGN.md come from here); {@link ChangeCaptureIT} covers what the feed holds.
 */
@QuarkusTest
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(PgAgentTestResource.class)
class ChangeFeedLatencyIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOPIC = "lifeboat.changes." + PgAgentTestResource.CDC;
    private static final String TABLE = PgAgentTestResource.CDC_TABLE;

    @Test
    void measuresTheTimeFromCommitToTheChangeFeed() throws Exception {
        int rows = 30;
        List<Long> toBroker = new ArrayList<>();
        List<Long> toConsumer = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.shared().bootstrapServers(),
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 5), new StringDeserializer(), new StringDeserializer());
                Connection connection = database();
                Statement statement = connection.createStatement()) {
            TopicPartition partition = new TopicPartition(TOPIC, 0);
            consumer.assign(List.of(partition));
            consumer.seekToEnd(List.of(partition));
            consumer.position(partition);
            for (int i = 0; i < rows; i++) {
                int id = 400 + i;
                statement.execute("insert into " + TABLE + " values (" + id + ", 'latency', 1)");
                Instant deadline = Instant.now().plus(PgKafka.PATIENCE);
                Optional<ConsumerRecord<String, String>> seen = Optional.empty();
                while (seen.isEmpty() && Instant.now().isBefore(deadline)) {
                    for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(1))) {
                        Instant received = Instant.now();
                        JsonNode value = JSON.readTree(record.value());
                        if (value.path("after").path("id").asInt() == id) {
                            long committedUs = value.path("source").path("ts_us").asLong();
                            toBroker.add(record.timestamp() * 1000 - committedUs);
                            toConsumer.add(received.getEpochSecond() * 1_000_000 + received.getNano() / 1000
                                    - committedUs);
                            seen = Optional.of(record);
                        }
                    }
                }
                assertThat(seen).as("row " + id + " on " + TOPIC).isPresent();
            }
        }
        System.out.printf("change feed latency over %d single-row commits, poll interval %s:%n"
                + "  commit -> producer timestamp (ms): %s%n  commit -> consumer (ms): %s%n", rows,
                ConfigProvider.getConfig().getValue("lifeboat.pg.targets.cdc.change-capture.poll-interval",
                        String.class),
                summary(toBroker), summary(toConsumer));
        assertThat(toConsumer).hasSize(rows);
    }

    private static String summary(List<Long> micros) {
        List<Long> sorted = micros.stream().sorted().toList();
        return String.format("median %.1f, p90 %.1f, max %.1f", sorted.get(sorted.size() / 2) / 1000.0,
                sorted.get(sorted.size() * 9 / 10) / 1000.0, sorted.get(sorted.size() - 1) / 1000.0);
    }

    private static Connection database() throws SQLException {
        return PostgresServer.shared().connect(PgAgentTestResource.DATABASE);
    }
}
