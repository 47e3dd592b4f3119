package io.lifeboat.cli.chaos.brokers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.lifeboat.cli.ServiceCatalog;
import io.lifeboat.cli.ops.CatalogClient;
import io.lifeboat.cli.ops.domain.TargetSummary;
import io.lifeboat.testkit.process.ServiceJar;
import io.lifeboat.testkit.process.TempDirs;

/**
 * The packaged catalog-service as its own process against the 3-node cluster, configured as the demo runs it (its
 * defaults, a fresh Kafka Streams state directory) with every node as bootstrap server and its internal topics
 * replicated like the contract's; answers what its query API, health and log say.
 */
final class CatalogService implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final ServiceJar jar;
    private final Path stateDir;

    private CatalogService(ServiceJar jar, Path stateDir) {
        this.jar = jar;
        this.stateDir = stateDir;
    }

    /** Starts {@code <home>/catalog-service/target/quarkus-app/quarkus-run.jar} and waits until it is ready. */
    static CatalogService start(Path home, String bootstrapServers) {
        Path stateDir = TempDirs.create("lifeboat-chaos-catalog-");
        try {
            ServiceJar jar = ServiceJar.start(ServiceCatalog.byName("catalog-service").jar(home), "chaos-catalog",
                    "512m", Duration.ofMinutes(3), port -> config(port, bootstrapServers, stateDir));
            return new CatalogService(jar, stateDir);
        } catch (RuntimeException e) {
            TempDirs.deleteRecursively(stateDir);
            throw e;
        }
    }

    private static Map<String, String> config(int port, String bootstrapServers, Path stateDir) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("kafka.bootstrap.servers", bootstrapServers);
        config.put("quarkus.kafka-streams.bootstrap-servers", bootstrapServers);
        config.put("quarkus.kafka-streams.application-server", "localhost:" + port);
        config.put("kafka-streams.state.dir", stateDir.toString());
        // Changelogs and repartition topics survive a node as the contract's topics do.
        config.put("kafka-streams.replication.factor", String.valueOf(ReplicatedTopics.REPLICAS));
        config.put("kafka-streams.topic.min.insync.replicas", ReplicatedTopics.MIN_IN_SYNC);
        config.put("lifeboat.catalog.topics.partitions", String.valueOf(ReplicatedTopics.PARTITIONS));
        config.put("lifeboat.catalog.topics.replication-factor", String.valueOf(ReplicatedTopics.REPLICAS));
        return config;
    }

    /** Targets the query API lists with a policy in force (an RPO). */
    Set<String> targetsWithPolicy() {
        Set<String> targets = new HashSet<>();
        for (TargetSummary target : client().targets()) {
            if (target.rpoSeconds() != null) {
                targets.add(target.targetId());
            }
        }
        return targets;
    }

    /** The completed backups of each of {@code targets} the query API lists; a target it does not know has none. */
    Map<String, Set<String>> completedBackups(List<String> targets) {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        for (String target : targets) {
            // No limit below the backups a target can have: the API lists 500 unless told otherwise.
            String path = "/api/targets/" + target + "/backups?phase=COMPLETED&limit=" + Integer.MAX_VALUE;
            HttpResponse<String> response = get(path);
            Set<String> ids = new HashSet<>();
            if (response.statusCode() == 200) {
                readTree(response.body(), path).forEach(entry -> ids.add(entry.path("backupId").asText()));
            } else if (response.statusCode() != 404) {
                throw new IllegalStateException("catalog-service answered GET " + path + " with HTTP "
                        + response.statusCode() + ": " + response.body());
            }
            out.put(target, ids);
        }
        return out;
    }

    /**
     * What says that the catalog's consumers died: the process gone, health not UP, stream threads or the Kafka
     * Streams client stopped (its log). Call it before {@link #close()}: stopping takes the same transitions.
     */
    List<String> crashes() {
        List<String> crashes = new ArrayList<>();
        try {
            HttpResponse<String> health = get("/q/health");
            if (health.statusCode() != 200 || !"UP".equals(overallStatus(health.body()))) {
                crashes.add("catalog-service health is not UP at the end (HTTP " + health.statusCode() + "): "
                        + health.body().replaceAll("\\s+", " "));
            }
        } catch (UncheckedIOException e) {
            crashes.add("catalog-service no longer answers on port " + jar.port() + " (" + e.getCause()
                    + "); its log: " + jar.log());
        }
        crashes.addAll(StreamsTrouble.scan(logLines()));
        return crashes;
    }

    /** Lines of the log matching {@code word} (case-sensitive), for the report. */
    long logLinesWith(String word) {
        return logLines().stream().filter(l -> l.contains(word)).count();
    }

    Path log() {
        return jar.log();
    }

    private List<String> logLines() {
        try {
            return new String(Files.readAllBytes(jar.log()), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("unable to read the catalog-service log " + jar.log() + ": " + e, e);
        }
    }

    /**
     * GETs a path over HTTP/1.1. A new client's first request offers an upgrade to h2c, and the JDK client then
     * fails on a large answer ("Frame type(115) ... exceeds MAX_FRAME_SIZE"), as it did on a target's backups.
     */
    private HttpResponse<String> get(String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + jar.port() + path))
                    .timeout(Duration.ofSeconds(30)).header("Accept", "application/json").build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("unable to GET " + path + " from catalog-service: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking catalog-service for " + path, e);
        }
    }

    private static String overallStatus(String body) {
        return readTree(body, "/q/health").path("status").asText();
    }

    private static JsonNode readTree(String body, String path) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new IllegalStateException("catalog-service answered GET " + path + " with no JSON: " + e.getMessage()
                    + ": " + body, e);
        }
    }

    private CatalogClient client() {
        return new CatalogClient("http://localhost:" + jar.port());
    }

    @Override
    public void close() {
        try {
            jar.close();
        } finally {
            TempDirs.deleteRecursively(stateDir);
        }
    }
}
