package io.lifeboat.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.strimzi.api.kafka.model.kafka.Kafka;

/**
 * Every manifest parses as YAML, every Kubernetes document against its resource's typed model, and Kustomize applies
 * every manifest but the example Secrets.
 */
class ManifestParsingTest {

    @Test
    void everyDocumentOfEveryManifestParsesIntoAMapping() {
        List<Path> files = Manifests.yamlFiles();

        assertThat(files).extracting(f -> Manifests.DEPLOY.relativize(f).toString()).contains(
                "k8s/kustomization.yaml", "k8s/kafka.yaml", "k8s/topics.yaml", "k8s/users.yaml",
                "k8s/secrets.example.yaml", "compose/compose.yaml");
        for (Path file : files) {
            assertThat(Manifests.documents(file)).as("documents of %s", file).isNotEmpty()
                    .allSatisfy(d -> assertThat(d.node().isObject()).as(d.describe()).isTrue());
        }
    }

    @Test
    void everyKubernetesDocumentMatchesTheSchemaOfItsKind() {
        List<Manifests.Document> documents = Manifests.kubernetes();

        assertThat(documents).extracting(Manifests.Document::kind).contains("Kafka", "KafkaNodePool", "KafkaTopic",
                "KafkaUser", "Deployment", "Service", "ConfigMap", "Secret", "Namespace");
        for (Manifests.Document document : documents) {
            assertThat(StrictModels.parse(document)).as(document.describe()).isNotNull();
        }
    }

    @Test
    void aPropertyTheSchemaDoesNotDeclareIsRefusedWithItsName() {
        ObjectNode deployment = (ObjectNode) Manifests.applied("Deployment", "catalog-service").node().deepCopy();
        ((ObjectNode) deployment.get("spec")).put("replica", 2);

        assertThatThrownBy(() -> StrictModels.parse(deployment, Deployment.class, "catalog-service"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("catalog-service")
                .hasMessageContaining("\"replica\"");
    }

    @Test
    void aMisspelledStrimziPropertyIsRefusedToo() {
        ObjectNode kafka = (ObjectNode) Manifests.applied("Kafka", "lifeboat").node().deepCopy();
        ((ObjectNode) kafka.get("spec").get("kafka")).set("listener", new ObjectMapper().createArrayNode());

        assertThatThrownBy(() -> StrictModels.parse(kafka, Kafka.class, "Kafka lifeboat"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("Kafka lifeboat")
                .hasMessageContaining("\"listener\"");
    }

    @Test
    void kustomizeAppliesEveryManifestButTheExampleSecretsInTheLifeboatNamespace() {
        JsonNode kustomization = Manifests.kustomization();
        List<Path> manifests = Manifests.yamlFiles().stream().filter(f -> f.startsWith(Manifests.K8S))
                .filter(f -> !f.getFileName().toString().equals("kustomization.yaml"))
                .filter(f -> !f.equals(Manifests.EXAMPLE_SECRETS)).toList();

        assertThat(kustomization.path("namespace").asText()).isEqualTo("lifeboat");
        assertThat(Manifests.kustomizationResources()).containsExactlyInAnyOrderElementsOf(manifests)
                .doesNotContain(Manifests.EXAMPLE_SECRETS);
        assertThat(Manifests.applied("Secret")).as("Secrets applied by Kustomize").isEmpty();
    }
}
