package io.lifeboat.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads the manifests under {@code deploy/}: every YAML file of {@code k8s/} and {@code compose/}, document by
 * document.
 */
final class Manifests {

    /** The {@code deploy/} directory: the module's own, where Maven runs its tests. */
    static final Path DEPLOY = Path.of("").toAbsolutePath();
    /** The Kubernetes manifests. */
    static final Path K8S = DEPLOY.resolve("k8s");
    /** The Docker Compose file. */
    static final Path COMPOSE = DEPLOY.resolve("compose/compose.yaml");
    /** The example Secrets, applied by hand and never by Kustomize. */
    static final Path EXAMPLE_SECRETS = K8S.resolve("secrets.example.yaml");
    /** The repository root, holding the service modules. */
    static final Path REPOSITORY = DEPLOY.getParent();

    private static final YAMLMapper YAML = new YAMLMapper(new YAMLFactory());
    // Each file is parsed once per test run; the tests only read the trees.
    private static final Map<Path, List<Document>> PARSED = new ConcurrentHashMap<>();

    private Manifests() {
    }

    /** One YAML document of a manifest file, with where it came from for messages. */
    record Document(Path file, int index, JsonNode node) {

        /** Returns the kind and name with the file and index, or only the latter for a document without a kind. */
        String describe() {
            String where = DEPLOY.relativize(file) + " #" + index;
            return node.has("kind") ? kind() + " " + name() + " (" + where + ")" : where;
        }

        /** Returns the document's kind. */
        String kind() {
            return node.path("kind").asText();
        }

        /** Returns the document's metadata.name. */
        String name() {
            return node.path("metadata").path("name").asText();
        }
    }

    /** Returns every YAML file under {@code k8s/} and {@code compose/}, sorted. */
    static List<Path> yamlFiles() {
        List<Path> files = new ArrayList<>();
        for (Path dir : List.of(K8S, DEPLOY.resolve("compose"))) {
            try (Stream<Path> walk = Files.walk(dir)) {
                walk.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).sorted()
                        .forEach(files::add);
            } catch (IOException e) {
                throw new UncheckedIOException("unable to list the manifests under " + dir, e);
            }
        }
        return files;
    }

    /** Returns the non-empty documents of {@code file}; a document holding only comments is skipped. */
    static List<Document> documents(Path file) {
        return PARSED.computeIfAbsent(file.toAbsolutePath().normalize(), Manifests::parse);
    }

    private static List<Document> parse(Path file) {
        List<Document> documents = new ArrayList<>();
        try (MappingIterator<JsonNode> docs = YAML.readerFor(JsonNode.class).readValues(file.toFile())) {
            int index = 0;
            while (docs.hasNextValue()) {
                JsonNode node = docs.nextValue();
                if (node != null && !node.isNull() && !node.isMissingNode()) {
                    documents.add(new Document(file, index, node));
                }
                index++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("unable to parse " + file + ": " + e.getMessage(), e);
        }
        return List.copyOf(documents);
    }

    /** Returns the documents of every Kubernetes manifest but the kustomization itself. */
    static List<Document> kubernetes() {
        return yamlFiles().stream().filter(f -> f.startsWith(K8S))
                .filter(f -> !f.getFileName().toString().equals("kustomization.yaml"))
                .flatMap(f -> documents(f).stream()).toList();
    }

    /** Returns the documents Kustomize applies: those of the files listed as resources. */
    static List<Document> applied() {
        return kustomizationResources().stream().flatMap(f -> documents(f).stream()).toList();
    }

    /** Returns the files {@code kustomization.yaml} lists as resources. */
    static List<Path> kustomizationResources() {
        List<Path> files = new ArrayList<>();
        kustomization().path("resources").forEach(r -> files.add(K8S.resolve(r.asText()).normalize()));
        return files;
    }

    /** Returns {@code kustomization.yaml}. */
    static JsonNode kustomization() {
        return documents(K8S.resolve("kustomization.yaml")).get(0).node();
    }

    /** Returns the applied documents of {@code kind}. */
    static List<Document> applied(String kind) {
        return applied().stream().filter(d -> d.kind().equals(kind)).toList();
    }

    /** Returns the applied document of {@code kind} named {@code name}, failing with both when there is none. */
    static Document applied(String kind, String name) {
        return applied(kind).stream().filter(d -> d.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " named '" + name + "' in "
                        + kustomizationResources().stream().map(DEPLOY::relativize).toList()));
    }

    /** Returns the Compose file's one document. */
    static JsonNode compose() {
        return documents(COMPOSE).get(0).node();
    }
}
