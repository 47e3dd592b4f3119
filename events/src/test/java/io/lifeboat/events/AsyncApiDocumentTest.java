package io.lifeboat.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.lifeboat.events.deadletter.DeadLetterHeaders;

class AsyncApiDocumentTest {

    private static JsonNode document;
    private static Map<String, JsonNode> channelsByAddress;

    @BeforeAll
    static void parse() throws IOException {
        try (InputStream in = AsyncApiDocumentTest.class.getClassLoader()
                .getResourceAsStream("asyncapi/lifeboat.asyncapi.yaml")) {
            document = new ObjectMapper(new YAMLFactory()).readTree(in);
        }
        channelsByAddress = StreamSupport.stream(document.path("channels").spliterator(), false)
                .collect(Collectors.toMap(channel -> channel.path("address").asText(), channel -> channel));
    }

    @Test
    void isAnAsyncApi3DocumentWithOneChannelPerTopic() {
        assertThat(document.path("asyncapi").asText()).isEqualTo("3.0.0");
        assertThat(channelsByAddress.keySet())
                .containsExactlyInAnyOrderElementsOf(Topics.all().stream().map(Topic::name).toList());
    }

    @Test
    void eachChannelCarriesTheTopicsValueTypesAndCleanupPolicy() {
        for (Topic topic : Topics.all()) {
            JsonNode channel = channelsByAddress.get(topic.name());
            List<String> messages = new ArrayList<>();
            channel.path("messages").fieldNames().forEachRemaining(messages::add);
            List<String> expected = topic.valueTypes().isEmpty()
                    ? List.of("DeadLetter")
                    : topic.valueTypes().stream().map(Class::getSimpleName).toList();

            assertThat(messages).as(topic.name()).containsExactlyElementsOf(expected);
            assertThat(channel.at("/bindings/kafka/topicConfiguration/cleanup.policy/0").asText()).as(topic.name())
                    .isEqualTo(topic.compacted() ? "compact" : "delete");
            assertThat(channel.path("x-lifeboat-key").asText()).isEqualTo(topic.key().name());
            assertThat(channel.path("x-lifeboat-owner").asText()).isEqualTo(topic.owner());
        }
    }

    @Test
    void eachMessageNamesItsTypeAndReferencesItsSchemaResource() {
        for (EventType<?> type : EventTypes.all()) {
            JsonNode message = document.path("components").path("messages").path(type.messageClass().getSimpleName());

            assertThat(message.path("title").asText()).isEqualTo(type.type());
            assertThat(message.at("/payload/$ref").asText()).isEqualTo("../" + type.schemaResource());
            assertThat(message.at("/headers/$ref").asText()).isEqualTo("#/components/schemas/CloudEventHeaders");
        }
    }

    @Test
    void documentsEveryDeadLetterHeader() throws IllegalAccessException {
        JsonNode documented = document.at("/components/schemas/DeadLetterHeaders/properties");
        List<String> names = new ArrayList<>();
        documented.fieldNames().forEachRemaining(names::add);

        assertThat(names).containsExactlyInAnyOrderElementsOf(headerConstants());
    }

    private static List<String> headerConstants() throws IllegalAccessException {
        List<String> values = new ArrayList<>();
        for (Field field : Arrays.stream(DeadLetterHeaders.class.getFields())
                .filter(f -> Modifier.isStatic(f.getModifiers()) && !f.getName().equals("PREFIX")).toList()) {
            values.add((String) field.get(null));
        }
        return values;
    }
}
