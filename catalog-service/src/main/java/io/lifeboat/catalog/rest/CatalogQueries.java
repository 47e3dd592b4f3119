package io.lifeboat.catalog.rest;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.ThreadMetadata;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import com.fasterxml.jackson.core.type.TypeReference;

import io.lifeboat.catalog.domain.TargetState;
import io.lifeboat.catalog.domain.dr.DrRun;
import io.lifeboat.catalog.streams.CatalogTopology;
import io.lifeboat.catalog.streams.StoreBackupEntries;
import io.lifeboat.catalog.streams.StoreDrRuns;
import io.lifeboat.events.catalog.CatalogEntry;
import io.lifeboat.events.envelope.LifeboatJson;

/**
 * Interactive queries over the catalog's stores across instances: a target lives in the task that owns its
 * partition, so a query for one target goes to that instance, and a query for all targets asks every instance for
 * its own (the {@code /api/internal} endpoints answer from local stores only).
 */
@ApplicationScoped
public class CatalogQueries {

    private static final Duration REMOTE_TIMEOUT = Duration.ofSeconds(5);
    private static final String TARGETS = CatalogTopology.TARGETS_STORE;
    private static final String BACKUPS = CatalogTopology.BACKUPS_STORE;
    private static final String DR_RUNS = CatalogTopology.DR_RUNS_STORE;
    private static final String DR_RUNS_PATH = "/api/internal/dr/runs";

    // HTTP/1.1: the JDK client's default offers Quarkus an h2c upgrade, and a large answer (a target's backups list of
    // a few MB) then failed as a broken HTTP/2 frame ("Frame type(115) length(3157026) exceeds MAX_FRAME_SIZE").
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(REMOTE_TIMEOUT).build();

    @Inject
    KafkaStreams streams;

    /**
     * Finds one target, wherever it lives.
     *
     * @param targetId id of the target
     * @return its state, or empty when the catalog has never seen it
     */
    public Optional<TargetState> target(String targetId) {
        HostInfo owner = owner(targetId);
        if (owner == null) {
            return Optional.ofNullable(localTarget(targetId));
        }
        return Optional.ofNullable(remote(owner, "/api/internal/targets/" + encode(targetId),
                new TypeReference<TargetState>() {
                }));
    }

    /**
     * The catalog entries of one target, wherever it lives.
     *
     * @param targetId id of the target
     * @return its entries, any phase
     */
    public List<CatalogEntry> backups(String targetId) {
        HostInfo owner = owner(targetId);
        if (owner == null) {
            return localBackups(targetId);
        }
        List<CatalogEntry> remote = remote(owner, "/api/internal/targets/" + encode(targetId) + "/backups",
                new TypeReference<List<CatalogEntry>>() {
                });
        return remote == null ? List.of() : remote;
    }

    /**
     * Every target of every instance.
     *
     * @return the states
     */
    public List<TargetState> allTargets() {
        List<TargetState> all = new ArrayList<>(localTargets());
        Set<TopicPartition> local = localPartitions();
        for (StreamsMetadata instance : streams.metadataForAllStreamsClients()) {
            if (!instance.topicPartitions().equals(local)
                    && instance.stateStoreNames().contains(CatalogTopology.TARGETS_STORE)) {
                List<TargetState> remote = remote(instance.hostInfo(), "/api/internal/targets",
                        new TypeReference<List<TargetState>>() {
                        });
                if (remote != null) {
                    all.addAll(remote);
                }
            }
        }
        return all;
    }

    /**
     * DR runs of one target, wherever it lives, or of every target on every instance.
     *
     * @param targetId id of the target, or null for all
     * @return the runs, unordered
     */
    public List<DrRun> drRuns(String targetId) {
        TypeReference<List<DrRun>> type = new TypeReference<>() {
        };
        if (targetId != null) {
            HostInfo owner = owner(targetId);
            if (owner == null) {
                return localDrRuns(targetId);
            }
            List<DrRun> remote = remote(owner, DR_RUNS_PATH + "?target=" + encode(targetId), type);
            return remote == null ? List.of() : remote;
        }
        List<DrRun> all = new ArrayList<>(localDrRuns(null));
        Set<TopicPartition> local = localPartitions();
        for (StreamsMetadata instance : streams.metadataForAllStreamsClients()) {
            if (!instance.topicPartitions().equals(local)
                    && instance.stateStoreNames().contains(CatalogTopology.DR_RUNS_STORE)) {
                List<DrRun> remote = remote(instance.hostInfo(), DR_RUNS_PATH, type);
                if (remote != null) {
                    all.addAll(remote);
                }
            }
        }
        return all;
    }

    /**
     * DR runs in this instance's stores.
     *
     * @param targetId id of the target, or null for every run held here
     * @return the runs
     */
    public List<DrRun> localDrRuns(String targetId) {
        return read(DR_RUNS, () -> StoreDrRuns.of(store(DR_RUNS), targetId));
    }

    /**
     * The targets in this instance's stores.
     *
     * @return the local states
     */
    public List<TargetState> localTargets() {
        return read(TARGETS, () -> {
            List<TargetState> states = new ArrayList<>();
            try (KeyValueIterator<String, TargetState> all = targets().all()) {
                all.forEachRemaining(kv -> states.add(kv.value));
            }
            return states;
        });
    }

    /**
     * One target from this instance's stores.
     *
     * @param targetId id of the target
     * @return its state, or null
     */
    public TargetState localTarget(String targetId) {
        return read(TARGETS, () -> targets().get(targetId));
    }

    /**
     * One target's entries from this instance's stores.
     *
     * @param targetId id of the target
     * @return its entries
     */
    public List<CatalogEntry> localBackups(String targetId) {
        return read(BACKUPS, () -> StoreBackupEntries.of(backupsStore(), targetId));
    }

    /** Runs a store read; a store that moves away while it is read (a rebalance) makes the answer a retry. */
    private static <T> T read(String store, java.util.function.Supplier<T> query) {
        try {
            return query.get();
        } catch (InvalidStateStoreException e) {
            throw new StoreUnavailableException("store '" + store + "' moved while it was read: " + e.getMessage(),
                    e);
        }
    }

    /** The instance owning {@code targetId}, or null when it is this one. */
    private HostInfo owner(String targetId) {
        KeyQueryMetadata metadata;
        try {
            metadata = streams.queryMetadataForKey(CatalogTopology.TARGETS_STORE, targetId,
                    Serdes.String().serializer());
        } catch (IllegalStateException e) {
            throw new StoreUnavailableException("the catalog is not running yet: " + e.getMessage(), e);
        }
        if (metadata == null || KeyQueryMetadata.NOT_AVAILABLE.equals(metadata)) {
            throw new StoreUnavailableException("no instance owns target '" + targetId + "' right now "
                    + "(the catalog is starting or rebalancing)", null);
        }
        int partition = metadata.partition();
        boolean local = localPartitions().stream().anyMatch(p -> p.partition() == partition);
        return local ? null : metadata.activeHost();
    }

    /** Input partitions of this instance's active tasks: what its local stores hold. */
    private Set<TopicPartition> localPartitions() {
        Set<TopicPartition> partitions = new HashSet<>();
        for (ThreadMetadata thread : streams.metadataForLocalThreads()) {
            thread.activeTasks().forEach(task -> partitions.addAll(task.topicPartitions()));
        }
        return partitions;
    }

    private ReadOnlyKeyValueStore<String, TargetState> targets() {
        return store(CatalogTopology.TARGETS_STORE);
    }

    private ReadOnlyKeyValueStore<String, CatalogEntry> backupsStore() {
        return store(CatalogTopology.BACKUPS_STORE);
    }

    private <V> ReadOnlyKeyValueStore<String, V> store(String name) {
        try {
            return streams.store(StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.keyValueStore()));
        } catch (InvalidStateStoreException e) {
            throw new StoreUnavailableException("store '" + name + "' is not queryable now: " + e.getMessage(), e);
        }
    }

    private <T> T remote(HostInfo host, String path, TypeReference<T> type) {
        URI uri = URI.create("http://" + host.host() + ":" + host.port() + path);
        try {
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(uri).timeout(REMOTE_TIMEOUT).GET()
                    .build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() == 404) {
                return null;
            }
            if (response.statusCode() != 200) {
                throw new StoreUnavailableException("catalog instance " + host + " answered " + response.statusCode()
                        + " for " + path, null);
            }
            return LifeboatJson.mapper().readValue(response.body(), type);
        } catch (IOException e) {
            throw new StoreUnavailableException("unable to ask catalog instance " + host + " for " + path + ": "
                    + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException("interrupted while asking " + host + " for " + path, e);
        }
    }

    private static String encode(String segment) {
        return java.net.URLEncoder.encode(segment, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }
}
