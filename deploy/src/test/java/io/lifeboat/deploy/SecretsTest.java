package io.lifeboat.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretKeySelector;

/**
 * Secrets reach the services only through {@code secretKeyRef}s to Secrets that exist (Strimzi's per-user ones, or
 * those of {@code secrets.example.yaml}), and no manifest holds a value that looks like a real secret.
 */
class SecretsTest {

    /** Names of settings and fields that hold secrets. */
    private static final Pattern SECRET_NAME = Pattern.compile(
            "(?i).*(password|secret|access[-_]?key|token|credential|master\\.key|_uri$|-uri$).*");
    /** Names that only point at a secret: a Secret's name, a reference, a file or variable holding it. */
    private static final Pattern POINTER_NAME = Pattern.compile("(?i).*(name|ref|_file|_env|_location|_type)$");
    /** A secret assigned inside a string, e.g. a JAAS configuration's password="...". */
    private static final Pattern INLINE_SECRET = Pattern.compile("(?i)(password|secret)\\s*[=:]\\s*\"?([^\"\\s;]*)");
    /** Values that stand for a secret instead of being one: references, and placeholders to replace. */
    private static final Pattern PLACEHOLDER = Pattern.compile(
            "(\\$\\{[A-Z0-9_]+(:-[^}]*)?}|\\$\\([A-Z0-9_]+\\))|.*(?i:change-me).*");

    @Test
    void everySecretLookingVariableComesFromASecretKeyRef() {
        for (String service : ServiceModules.ports().keySet()) {
            Container container = Environments.container(service);

            assertThat(container.getEnvFrom()).as("%s envFrom", service)
                    .allSatisfy(from -> assertThat(from.getSecretRef()).as("%s: whole Secrets as env", service)
                            .isNull());
            for (EnvVar env : container.getEnv()) {
                if (SECRET_NAME.matcher(env.getName()).matches()) {
                    assertThat(env.getValue()).as("%s %s literal value", service, env.getName()).isNull();
                    assertThat(env.getValueFrom()).as("%s %s", service, env.getName()).isNotNull();
                    assertThat(env.getValueFrom().getSecretKeyRef()).as("%s %s secretKeyRef", service,
                            env.getName()).isNotNull();
                }
            }
        }
    }

    @Test
    void configMapsHoldNoSecretLookingSetting() {
        for (Manifests.Document document : Manifests.applied("ConfigMap")) {
            ConfigMap map = (ConfigMap) StrictModels.parse(document);

            assertThat(map.getData().keySet()).as(document.describe())
                    .noneMatch(key -> SECRET_NAME.matcher(key).matches());
        }
    }

    @Test
    void everySecretKeyRefNamesASecretThatStrimziOrTheExampleProvides() {
        Map<String, Set<String>> provided = Manifests.documents(Manifests.EXAMPLE_SECRETS).stream()
                .map(d -> (Secret) StrictModels.parse(d))
                .collect(Collectors.toMap(s -> s.getMetadata().getName(), s -> s.getStringData().keySet()));
        Manifests.applied("KafkaUser").forEach(user -> provided.put(user.name(), Set.of("password")));

        for (String service : ServiceModules.ports().keySet()) {
            for (EnvVar env : Environments.container(service).getEnv()) {
                if (env.getValueFrom() != null && env.getValueFrom().getSecretKeyRef() != null) {
                    SecretKeySelector ref = env.getValueFrom().getSecretKeyRef();
                    assertThat(provided).as("%s %s: Secret %s", service, env.getName(), ref.getName())
                            .containsKey(ref.getName());
                    assertThat(provided.get(ref.getName())).as("%s %s: key of Secret %s", service, env.getName(),
                            ref.getName()).contains(ref.getKey());
                }
            }
        }
    }

    @Test
    void theKafkaPasswordOfEachServiceIsItsOwnUsersSecret() {
        for (String service : ServiceModules.ports().keySet()) {
            EnvVar password = Environments.container(service).getEnv().stream()
                    .filter(e -> e.getName().equals("KAFKA_SCRAM_PASSWORD")).findFirst()
                    .orElseThrow(() -> new AssertionError(service + " has no KAFKA_SCRAM_PASSWORD"));

            assertThat(password.getValueFrom().getSecretKeyRef().getName()).as(service).isEqualTo(service);
        }
    }

    @Test
    void noManifestHoldsASecretValue() {
        List<String> found = new ArrayList<>();
        for (Path file : Manifests.yamlFiles()) {
            for (Manifests.Document document : Manifests.documents(file)) {
                collectSecretValues(document.describe(), "", document.node(), found);
            }
        }

        assertThat(found).as("values that look like secrets").isEmpty();
    }

    private static void collectSecretValues(String where, String key, JsonNode node, List<String> found) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext();) {
                Map.Entry<String, JsonNode> field = fields.next();
                collectSecretValues(where, field.getKey(), field.getValue(), found);
            }
        } else if (node.isArray()) {
            node.forEach(element -> collectSecretValues(where, key, element, found));
        } else if (node.isValueNode()) {
            String value = node.asText();
            if (SECRET_NAME.matcher(key).matches() && !POINTER_NAME.matcher(key).matches() && !value.isEmpty()
                    && !isPlaceholder(value)) {
                found.add(where + " " + key + "=" + value);
            }
            Matcher inline = INLINE_SECRET.matcher(value);
            while (inline.find()) {
                if (!inline.group(2).isEmpty() && !isPlaceholder(inline.group(2))) {
                    found.add(where + " " + key + ": " + inline.group(1) + "=" + inline.group(2));
                }
            }
        }
    }

    private static boolean isPlaceholder(String value) {
        Matcher reference = Pattern.compile("\\$\\{[A-Za-z0-9_]+:-([^}]*)}").matcher(value);
        if (reference.matches()) {
            // A Compose default is used when nothing is set, so it must be a placeholder itself.
            return PLACEHOLDER.matcher(reference.group(1)).matches();
        }
        return PLACEHOLDER.matcher(value).matches() || value.contains("<CHANGE-ME");
    }

    @Test
    void theSecretDetectorFlagsALiteralPasswordAndPassesPlaceholders() {
        List<String> found = new ArrayList<>();
        JsonNode sample = new ObjectMapper().createObjectNode()
                .put("MINIO_ROOT_PASSWORD", "hunter22").put("DB_PASSWORD", "${DB_PASSWORD:-change-me}")
                .put("JAAS", "ScramLoginModule required username=\"a\" password=\"s3cr3t\";")
                .put("OTHER_JAAS", "ScramLoginModule required username=\"a\" password=\"${KAFKA_SCRAM_PASSWORD}\";");

        collectSecretValues("sample", "", sample, found);

        assertThat(found).containsExactly("sample MINIO_ROOT_PASSWORD=hunter22", "sample JAAS: password=s3cr3t");
    }
}
