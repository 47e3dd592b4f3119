package io.lifeboat.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;

import io.lifeboat.events.catalog.CatalogEntry;
import io.lifeboat.events.envelope.Envelope;
import io.lifeboat.events.envelope.EventCodec;
import io.lifeboat.events.envelope.JsonSchemas;
import io.lifeboat.events.envelope.LifeboatJson;

class GoldenSampleTest {

    private final EventCodec codec = new EventCodec();

    static Stream<EventType<?>> types() {
        return EventTypes.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("types")
    void sampleSatisfiesItsSchema(EventType<?> type) {
        assertThat(JsonSchemas.violations(type, Samples.json(type))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("types")
    void sampleBindsToTheRecordAndWritesBackTheSameFields(EventType<?> type) {
        JsonNode sample = Samples.json(type);
        LifeboatMessage message = Samples.message(type);
        JsonNode written = LifeboatJson.mapper().valueToTree(message);

        assertThat(fieldPaths(written, "$")).isEqualTo(fieldPaths(sample, "$"));
        assertThat(Samples.fromJson(written, type.messageClass())).isEqualTo(message);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("types")
    void roundTripsThroughTheCodecInBinaryMode(EventType<?> type) {
        LifeboatMessage message = Samples.message(type);
        Envelope<?> sent = Envelope.of(Envelope.sourceOf("events-test"), message);

        ProducerRecord<String, byte[]> record = codec.encode(sent);
        Envelope<?> received = codec.decode(Samples.consumed(record, 7));

        assertThat(received).isEqualTo(sent);
        assertThat(record.topic()).isEqualTo(type.topicFor(message).name());
        assertThat(record.key())
                .isEqualTo(message instanceof CatalogEntry entry ? entry.backupId() : message.targetId());
        assertThat(header(record, "ce_type")).isEqualTo(type.type());
        assertThat(header(record, "ce_subject")).isEqualTo(message.targetId());
        assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
        assertThat(header(record, "content-type")).isEqualTo("application/json");
    }

    private static String header(ProducerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private static Set<String> fieldPaths(JsonNode node, String path) {
        Set<String> paths = new TreeSet<>();
        if (node.isObject()) {
            Iterator<String> names = node.fieldNames();
            while (names.hasNext()) {
                String name = names.next();
                paths.add(path + "." + name);
                paths.addAll(fieldPaths(node.get(name), path + "." + name));
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                paths.addAll(fieldPaths(node.get(i), path + "[" + i + "]"));
            }
        }
        return paths;
    }
}
