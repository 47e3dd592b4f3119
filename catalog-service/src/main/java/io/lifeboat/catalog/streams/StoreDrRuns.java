package io.lifeboat.catalog.streams;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import io.lifeboat.catalog.domain.dr.DrRun;
import io.lifeboat.catalog.domain.dr.DrRunFold;
import io.lifeboat.catalog.domain.dr.DrRunRetention;
import io.lifeboat.events.LifeboatMessage;

/**
 * DR runs in a key-value store under {@code <targetId> NUL <runId>}, so that a prefix scan lists one target's runs;
 * folds run states and outcomes into them and drops the runs {@link DrRunRetention} no longer keeps.
 */
public final class StoreDrRuns {

    private static final char SEPARATOR = '\u0000';
    private static final StringSerializer KEYS = new StringSerializer();

    private final KeyValueStore<String, DrRun> store;

    /**
     * Wraps a store.
     *
     * @param store the DR runs store
     */
    public StoreDrRuns(KeyValueStore<String, DrRun> store) {
        this.store = store;
    }

    /**
     * The store key of a run.
     *
     * @param targetId id of the target
     * @param runId id of the run
     * @return the key
     */
    public static String key(String targetId, String runId) {
        return targetId + SEPARATOR + runId;
    }

    /**
     * Folds a fact into the run it names and stores the run when it changed.
     *
     * @param fact a fact for which {@link DrRunFold#concerns} holds
     * @return the changed run, or empty when nothing changed
     */
    public Optional<DrRun> fold(LifeboatMessage fact) {
        String key = key(fact.targetId(), DrRunFold.runId(fact));
        Optional<DrRun> folded = DrRunFold.fold(store.get(key), fact);
        folded.ifPresent(run -> store.put(key, run));
        return folded;
    }

    /**
     * Removes the runs retention no longer keeps; the deletes reach the changelog as tombstones.
     *
     * @param now the current instant
     * @return how many runs were removed
     */
    public int purge(Instant now) {
        List<DrRun> all = new ArrayList<>();
        try (KeyValueIterator<String, DrRun> it = store.all()) {
            it.forEachRemaining(kv -> all.add(kv.value));
        }
        List<DrRun> drop = DrRunRetention.toDrop(all, now);
        drop.forEach(run -> store.delete(key(run.targetId(), run.runId())));
        return drop.size();
    }

    /**
     * Lists runs of any readable store, e.g. one queried interactively.
     *
     * @param store the store
     * @param targetId id of the target, or null for every run in the store
     * @return the runs
     */
    public static List<DrRun> of(ReadOnlyKeyValueStore<String, DrRun> store, String targetId) {
        List<DrRun> runs = new ArrayList<>();
        try (KeyValueIterator<String, DrRun> it = targetId == null
                ? store.all()
                : store.prefixScan(targetId + SEPARATOR, KEYS)) {
            it.forEachRemaining(kv -> runs.add(kv.value));
        }
        return runs;
    }
}
