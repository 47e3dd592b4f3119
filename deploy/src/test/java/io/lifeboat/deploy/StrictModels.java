package io.lifeboat.deploy;

import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.BeanDeserializerBuilder;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.module.SimpleModule;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;

/**
 * Deserializes Kubernetes documents into fabric8's and Strimzi's typed models, refusing any property the model does
 * not declare: the check that a manifest parses against its resource's schema.
 */
final class StrictModels {

    /** The typed model of every {@code apiVersion kind} the manifests may use. */
    static final Map<String, Class<?>> MODELS = Map.of("v1 Namespace", Namespace.class, "v1 ConfigMap",
            ConfigMap.class, "v1 Secret", Secret.class, "v1 Service", Service.class, "apps/v1 Deployment",
            Deployment.class, "kafka.strimzi.io/v1beta2 Kafka", Kafka.class, "kafka.strimzi.io/v1beta2 KafkaNodePool",
            KafkaNodePool.class, "kafka.strimzi.io/v1beta2 KafkaTopic", KafkaTopic.class,
            "kafka.strimzi.io/v1beta2 KafkaUser", KafkaUser.class);

    private static final ObjectMapper MAPPER = strictMapper();

    private StrictModels() {
    }

    /**
     * Deserializes {@code document} into the model of its {@code apiVersion} and {@code kind}.
     *
     * @param document the document
     * @return the typed resource
     * @throws AssertionError naming the document and the cause when the kind is unknown or a property is not in the
     *             model
     */
    static Object parse(Manifests.Document document) {
        String type = document.node().path("apiVersion").asText() + " " + document.kind();
        Class<?> model = MODELS.get(type);
        if (model == null) {
            throw new AssertionError(document.describe() + " has no known schema: '" + type + "' is none of "
                    + MODELS.keySet());
        }
        return parse(document.node(), model, document.describe());
    }

    /**
     * Deserializes {@code node} into {@code model}, strictly.
     *
     * @param node the document
     * @param model the typed model
     * @param what the document, for messages
     * @param <T> the model's type
     * @return the typed resource
     */
    static <T> T parse(JsonNode node, Class<T> model, String what) {
        try {
            return MAPPER.treeToValue(node, model);
        } catch (JsonProcessingException e) {
            throw new AssertionError(what + " does not match " + model.getSimpleName() + "'s schema: "
                    + e.getOriginalMessage() + " at " + pathOf(e), e);
        }
    }

    private static String pathOf(JsonProcessingException e) {
        return e instanceof com.fasterxml.jackson.databind.JsonMappingException mapping
                ? mapping.getPathReference()
                : "";
    }

    private static ObjectMapper strictMapper() {
        // Both model libraries keep unknown properties in an "additionalProperties" map (a @JsonAnySetter) so that
        // newer resources survive older clients; for a schema check that map must never be used.
        SimpleModule strict = new SimpleModule("strict-models");
        strict.setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public BeanDeserializerBuilder updateBuilder(DeserializationConfig config, BeanDescription description,
                    BeanDeserializerBuilder builder) {
                builder.setAnySetter(null);
                builder.setIgnoreUnknownProperties(false);
                return builder;
            }
        });
        return new ObjectMapper().registerModule(strict).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
    }
}
