package io.lifeboat.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The Compose file runs the same eight services as Kubernetes, on the same ports, with the same settings by name
 * (Kafka's connection aside), each checked healthy on its readiness endpoint, beside a KRaft Kafka and MinIO.
 */
class ComposeAgreementTest {

    private static final JsonNode SERVICES = Manifests.compose().path("services");
    private static final Map<String, Integer> PORTS = ServiceModules.ports();

    private static Set<String> lifeboatServices() {
        Set<String> names = new TreeSet<>();
        SERVICES.fields().forEachRemaining(e -> {
            if (e.getValue().path("image").asText().startsWith("lifeboat/")) {
                names.add(e.getKey());
            }
        });
        return names;
    }

    @Test
    void composeRunsTheSameEightServicesAsKubernetes() {
        assertThat(lifeboatServices()).containsExactlyInAnyOrderElementsOf(PORTS.keySet());
        PORTS.keySet().forEach(service -> assertThat(SERVICES.path(service).path("image").asText())
                .isEqualTo(Environments.container(service).getImage()));
    }

    @Test
    void everyServiceListensOnTheSamePortInBoth() {
        PORTS.forEach((service, port) -> {
            List<String> published = new ArrayList<>();
            SERVICES.path(service).path("ports").forEach(p -> published.add(p.asText()));

            assertThat(published).as("%s ports", service).containsExactly(port + ":" + port);
            assertThat(Environments.container(service).getPorts().get(0).getContainerPort()).isEqualTo(port);
        });
    }

    @Test
    void everyServiceGetsTheSameSettingsByNameApartFromKafkasConnection() {
        for (String service : PORTS.keySet()) {
            Set<String> kubernetes = new TreeSet<>(Environments.kubernetes(service));
            kubernetes.removeAll(Environments.KAFKA_CONNECTION);

            assertThat(Environments.compose(service)).as("%s environment in Compose", service)
                    .containsExactlyInAnyOrderElementsOf(kubernetes);
        }
    }

    @Test
    void composeServicesReachTheBrokerByItsComposeName() {
        PORTS.keySet().forEach(service -> assertThat(
                SERVICES.path(service).path("environment").path("KAFKA_BOOTSTRAP_SERVERS").asText()).as(service)
                .isEqualTo("kafka:9092"));
    }

    @Test
    void everyServiceIsHealthyOnlyWhenItsReadinessEndpointAnswers() {
        PORTS.forEach((service, port) -> {
            List<String> test = new ArrayList<>();
            SERVICES.path(service).path("healthcheck").path("test").forEach(t -> test.add(t.asText()));

            assertThat(test).as("%s healthcheck", service).contains("http://localhost:" + port + "/q/health/ready");
        });
    }

    @Test
    void kafkaIsASingleKraftNodeAndMinioHoldsTheBackups() {
        JsonNode kafka = SERVICES.path("kafka");

        assertThat(kafka.path("image").asText()).startsWith("apache/kafka:");
        assertThat(kafka.path("environment").path("KAFKA_PROCESS_ROLES").asText()).isEqualTo("broker,controller");
        assertThat(SERVICES.path("minio").path("image").asText()).startsWith("minio/minio:");
        List.of("pg-agent", "redis-agent", "mongo-agent", "fs-agent").forEach(agent -> assertThat(
                SERVICES.path(agent).path("environment").path("LIFEBOAT_AGENT_STORE_S3_ENDPOINT").asText())
                .isEqualTo("http://minio:9000"));
    }
}
