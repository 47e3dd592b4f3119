package io.lifeboat.deploy;

import java.util.Set;
import java.util.TreeSet;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.apps.Deployment;

/**
 * The environment variable names a service gets on Kubernetes (its ConfigMaps and its own env) and in Compose.
 */
final class Environments {

    /**
     * How the Kubernetes services reach Kafka over TLS with SCRAM; Compose's single broker is plain and open, so
     * only these names may differ between the two.
     */
    static final Set<String> KAFKA_CONNECTION = Set.of("KAFKA_SECURITY_PROTOCOL", "KAFKA_SASL_MECHANISM",
            "KAFKA_SASL_JAAS_CONFIG", "KAFKA_SSL_TRUSTSTORE_TYPE", "KAFKA_SSL_TRUSTSTORE_LOCATION",
            "KAFKA_SCRAM_PASSWORD", "QUARKUS_KAFKA_STREAMS_SECURITY_PROTOCOL", "QUARKUS_KAFKA_STREAMS_SASL_MECHANISM",
            "QUARKUS_KAFKA_STREAMS_SASL_JAAS_CONFIG", "QUARKUS_KAFKA_STREAMS_SSL_TRUSTSTORE_TYPE",
            "QUARKUS_KAFKA_STREAMS_SSL_TRUSTSTORE_LOCATION");

    private Environments() {
    }

    /** Returns the service's Deployment, typed. */
    static Deployment deployment(String service) {
        return (Deployment) StrictModels.parse(Manifests.applied("Deployment", service));
    }

    /** Returns the service's one application container. */
    static Container container(String service) {
        return deployment(service).getSpec().getTemplate().getSpec().getContainers().stream()
                .filter(c -> c.getName().equals(service)).findFirst()
                .orElseThrow(() -> new AssertionError("Deployment " + service + " has no container named " + service));
    }

    /** Returns every variable name the service's container gets, from its ConfigMaps and its own env. */
    static Set<String> kubernetes(String service) {
        Container container = container(service);
        Set<String> names = new TreeSet<>();
        for (EnvFromSource from : container.getEnvFrom()) {
            if (from.getConfigMapRef() != null) {
                ConfigMap map = (ConfigMap) StrictModels
                        .parse(Manifests.applied("ConfigMap", from.getConfigMapRef().getName()));
                names.addAll(map.getData().keySet());
            }
        }
        container.getEnv().stream().map(EnvVar::getName).forEach(names::add);
        return names;
    }

    /** Returns every variable name the service gets in Compose. */
    static Set<String> compose(String service) {
        Set<String> names = new TreeSet<>();
        Manifests.compose().path("services").path(service).path("environment").fieldNames()
                .forEachRemaining(names::add);
        return names;
    }
}
