package io.lifeboat.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.lifeboat.events.backup.BackupCompleted;
import io.lifeboat.events.backup.RunBackup;
import io.lifeboat.events.envelope.JsonSchemas;
import io.lifeboat.events.envelope.LifeboatJson;

class EventTypesTest {

    @Test
    void everyTypeHasASchemaASampleAndATopicThatListsIt() {
        for (EventType<?> type : EventTypes.all()) {
            assertThat(getClass().getClassLoader().getResource(type.schemaResource())).as(type.schemaResource())
                    .isNotNull();
            assertThat(Samples.exists(type)).as(Samples.resource(type)).isTrue();
            assertThat(type.topics()).allSatisfy(topic -> assertThat(topic.valueTypes()).contains(type.messageClass()));
        }
    }

    @Test
    void everyTopicValueTypeIsRegisteredOnThatTopic() {
        for (Topic topic : Topics.all()) {
            for (Class<? extends LifeboatMessage> valueType : topic.valueTypes()) {
                assertThat(EventTypes.of(valueType).topics()).as(valueType.getSimpleName()).contains(topic);
            }
        }
    }

    @Test
    void typeNamesAreUniqueAndFollowTheConvention() {
        List<String> types = EventTypes.all().stream().map(EventType::type).toList();

        assertThat(types).doesNotHaveDuplicates().hasSize(40)
                .allMatch(type -> type.matches("io\\.lifeboat\\.[a-z]+\\.[a-z-]+\\.v[0-9]+"));
        assertThat(EventTypes.byType("io.lifeboat.backup.completed.v1")).contains(EventTypes.of(BackupCompleted.class));
        assertThat(EventTypes.byType("io.lifeboat.backup.completed.v2")).isEmpty();
    }

    @Test
    void schemaPropertiesAreTheRecordComponentsAndEachIsDescribed() {
        for (EventType<?> type : EventTypes.all()) {
            JsonNode schema = schema(type);
            assertThat(schema.path("$id").asText()).isEqualTo(type.dataSchema().toString());
            assertThat(schema.path("additionalProperties").asBoolean()).as(type.type()).isTrue();
            assertDescribedComponents(type.type(), type.messageClass(), schema);
        }
    }

    @Test
    void everyRequiredPropertyIsEnforcedByTheSchema() {
        for (EventType<?> type : EventTypes.all()) {
            for (JsonNode required : schema(type).path("required")) {
                var sample = Samples.json(type);
                sample.remove(required.asText());
                assertThat(JsonSchemas.violations(type, sample))
                        .containsExactly("$." + required.asText() + ": required property missing");
            }
        }
    }

    @Test
    void engineCommandsGoToTheTopicOfTheirEngine() {
        for (Engine engine : Engine.values()) {
            assertThat(Topics.commandsFor(engine).name()).isEqualTo("lifeboat.commands." + engine.id());
        }
        RunBackup run = Samples.message(RunBackup.class);
        assertThat(EventTypes.of(run.getClass()).topicFor(run)).isEqualTo(Topics.COMMANDS_POSTGRES);
    }

    @Test
    void compactedTopicsHaveExactlyOneWriter() {
        Map<String, List<String>> compacted = Topics.all().stream().filter(Topic::compacted)
                .collect(Collectors.toMap(Topic::name, Topic::writers));

        assertThat(compacted)
                .containsOnlyKeys("lifeboat.catalog", "lifeboat.rpo", "lifeboat.policies", "lifeboat.dr.runs")
                .allSatisfy((name, writers) -> assertThat(writers).hasSize(1));
    }

    private static void assertDescribedComponents(String where, Class<?> recordClass, JsonNode schema) {
        List<String> components = Arrays.stream(recordClass.getRecordComponents()).map(c -> c.getName()).toList();
        List<String> properties = new ArrayList<>();
        schema.path("properties").fieldNames().forEachRemaining(properties::add);
        assertThat(properties).as(where).containsExactlyElementsOf(components);
        for (var component : recordClass.getRecordComponents()) {
            JsonNode property = schema.path("properties").path(component.getName());
            assertThat(property.path("description").asText()).as(where + "." + component.getName()).isNotBlank();
            Class<?> nested = component.getType().isRecord() ? component.getType() : null;
            if (nested != null) {
                assertDescribedComponents(where + "." + component.getName(), nested, property);
            }
        }
    }

    private static JsonNode schema(EventType<?> type) {
        try (var in = EventTypesTest.class.getClassLoader().getResourceAsStream(type.schemaResource())) {
            return LifeboatJson.mapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
