package io.lifeboat.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Looks for secret values in text, in files and in every record (key, value, headers) of every topic of a broker,
 * and names where it found which secret by its label, never by its value.
 */
final class SecretScan {

    /** Shorter values would match ordinary text by chance; a secret that short is a finding of its own. */
    static final int MIN_LENGTH = 12;

    private final Map<String, String> secrets;

    private SecretScan(Map<String, String> secrets) {
        this.secrets = secrets;
    }

    /**
     * A scan for the given secrets.
     *
     * @param secrets the values to look for, by a label that names them in findings
     * @throws IllegalArgumentException when a value is shorter than {@link #MIN_LENGTH}
     */
    static SecretScan of(Map<String, String> secrets) {
        secrets.forEach((label, value) -> {
            if (value == null || value.length() < MIN_LENGTH) {
                throw new IllegalArgumentException(label + " is shorter than " + MIN_LENGTH
                        + " characters: too short to scan for, and too short to be a secret");
            }
        });
        return new SecretScan(new LinkedHashMap<>(secrets));
    }

    /**
     * The secrets of the demo stack at {@code home}: its PostgreSQL password and the material of every key in its
     * master key file (a Tink keyset).
     */
    static SecretScan ofDemo(Path home) throws IOException {
        Map<String, String> secrets = new LinkedHashMap<>();
        secrets.put("the demo's PostgreSQL password", StackInfrastructure.DEMO_DB_PASSWORD);
        JsonNode keyset = new ObjectMapper().readTree(home.resolve(".lifeboat/master.key").toFile());
        for (JsonNode key : keyset.path("key")) {
            secrets.put("the material of master key " + key.path("keyId").asText(),
                    key.path("keyData").path("value").asText());
        }
        return of(secrets);
    }

    /**
     * Findings in everything the demo stack at {@code home} wrote: every record of its broker, its services' logs,
     * the backup manifests in its store, and the demo's own output.
     */
    List<String> inDemo(Path home, String bootstrapServers, List<String> output) throws Exception {
        List<String> found = new ArrayList<>(inTopics(bootstrapServers));
        Path logs = home.resolve(".lifeboat/logs");
        if (!Files.isDirectory(logs)) {
            throw new IllegalStateException("no service logs in " + logs + ": nothing to scan");
        }
        found.addAll(inFiles(logs, Set.of(".log")));
        found.addAll(inFiles(home.resolve(".lifeboat/store"), Set.of(".json")));
        found.addAll(inText("the demo's output", String.join("\n", output)));
        return found;
    }

    /** One finding per secret that {@code text} contains: {@code <where>: <label>}. */
    List<String> inText(String where, String text) {
        List<String> found = new ArrayList<>();
        secrets.forEach((label, value) -> {
            if (text.contains(value)) {
                found.add(where + ": " + label);
            }
        });
        return found;
    }

    /** Findings in the regular files under {@code dir} whose names end with one of {@code suffixes}. */
    List<String> inFiles(Path dir, Set<String> suffixes) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(Files::isRegularFile)
                    .filter(f -> suffixes.stream().anyMatch(s -> f.getFileName().toString().endsWith(s))).toList()) {
                found.addAll(inText(file.toString(), new String(Files.readAllBytes(file), StandardCharsets.UTF_8)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("unable to scan " + dir + " for secrets: " + e.getMessage(), e);
        }
        return found;
    }

    /**
     * Findings in every record of every topic of the broker, committed or not, from the beginning to the end offsets
     * at the start of the scan.
     *
     * @return {@code <topic>-<partition>@<offset> key|value|header <name>: <label>} per finding
     */
    List<String> inTopics(String bootstrapServers) throws Exception {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted");
        List<String> found = new ArrayList<>();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers));
                KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
                        new ByteArrayDeserializer())) {
            Set<String> topics = admin.listTopics().names().get();
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = new LinkedHashMap<>(consumer.endOffsets(partitions));
            ends.values().removeIf(end -> end == 0);
            long giveUp = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            long read = 0;
            while (!ends.isEmpty()) {
                if (System.nanoTime() > giveUp) {
                    throw new IllegalStateException("unable to read every topic to its end within 2 minutes; "
                            + "left: " + ends.keySet());
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    found.addAll(inRecord(record));
                    read++;
                }
                ends.entrySet().removeIf(end -> consumer.position(end.getKey()) >= end.getValue());
            }
            if (read == 0) {
                throw new IllegalStateException("no record on any topic of " + bootstrapServers + ": nothing to scan");
            }
        }
        return found;
    }

    private List<String> inRecord(ConsumerRecord<byte[], byte[]> record) {
        String where = record.topic() + "-" + record.partition() + "@" + record.offset();
        List<String> found = new ArrayList<>();
        if (record.key() != null) {
            found.addAll(inText(where + " key", new String(record.key(), StandardCharsets.UTF_8)));
        }
        if (record.value() != null) {
            found.addAll(inText(where + " value", new String(record.value(), StandardCharsets.UTF_8)));
        }
        for (Header header : record.headers()) {
            if (header.value() != null) {
                found.addAll(inText(where + " header " + header.key(),
                        new String(header.value(), StandardCharsets.UTF_8)));
            }
        }
        return found;
    }
}
