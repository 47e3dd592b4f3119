package io.lifeboat.catalog.streams;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import io.lifeboat.catalog.domain.BackupEntries;
import io.lifeboat.events.catalog.CatalogEntry;

/**
 * Catalog entries in a key-value store under {@code <targetId> NUL <backupId>}, so that a prefix scan lists one
 * target's backups (the Kafka key of the catalog topic stays the backup id).
 *
 * <p>
 * The entries of recently folded targets are also kept decoded in memory, written through to the store: a fold
 * lists a target's entries up to three times (bounds, retention, bounds again), and each prefix scan decodes every
 * entry's JSON and registers and removes the store's open-iterator metric. The least recently used targets leave
 * the cache once it holds more than {@code maxCachedEntries} entries. The cache belongs to one task's processor and
 * is dropped with it when an aborted transaction re-initialises the task.
 */
public final class StoreBackupEntries implements BackupEntries {

    /** Entries kept decoded per processor by default (about 1 KiB each). */
    public static final int DEFAULT_MAX_CACHED_ENTRIES = 100_000;

    private static final char SEPARATOR = '\u0000';
    private static final StringSerializer KEYS = new StringSerializer();

    private final KeyValueStore<String, CatalogEntry> store;
    private final int maxCachedEntries;
    /** Per target, every entry of it by backup id; in access order, so that iteration starts at the eldest. */
    private final LinkedHashMap<String, TreeMap<String, CatalogEntry>> cache = new LinkedHashMap<>(256, 0.75f,
            true);
    private int cachedEntries;

    /**
     * Wraps a store, caching up to {@link #DEFAULT_MAX_CACHED_ENTRIES} entries.
     *
     * @param store the backups store
     */
    public StoreBackupEntries(KeyValueStore<String, CatalogEntry> store) {
        this(store, DEFAULT_MAX_CACHED_ENTRIES);
    }

    /**
     * Wraps a store.
     *
     * @param store the backups store
     * @param maxCachedEntries how many entries to keep decoded in memory, 0 for none
     */
    public StoreBackupEntries(KeyValueStore<String, CatalogEntry> store, int maxCachedEntries) {
        this.store = store;
        this.maxCachedEntries = maxCachedEntries;
    }

    /**
     * The store key of a backup.
     *
     * @param targetId id of the target
     * @param backupId id of the backup
     * @return the key
     */
    public static String key(String targetId, String backupId) {
        return targetId + SEPARATOR + backupId;
    }

    @Override
    public CatalogEntry get(String targetId, String backupId) {
        Map<String, CatalogEntry> cached = cache.get(targetId);
        return cached != null ? cached.get(backupId) : store.get(key(targetId, backupId));
    }

    @Override
    public void put(CatalogEntry entry) {
        store.put(key(entry.targetId(), entry.backupId()), entry);
        Map<String, CatalogEntry> cached = cache.get(entry.targetId());
        if (cached != null && cached.put(entry.backupId(), entry) == null) {
            cachedEntries++;
            evict();
        }
    }

    @Override
    public List<CatalogEntry> of(String targetId) {
        TreeMap<String, CatalogEntry> cached = cache.get(targetId);
        if (cached == null) {
            List<CatalogEntry> entries = of(store, targetId);
            if (maxCachedEntries <= 0) {
                return entries;
            }
            cached = new TreeMap<>();
            for (CatalogEntry entry : entries) {
                cached.put(entry.backupId(), entry);
            }
            cache.put(targetId, cached);
            cachedEntries += cached.size();
            evict();
        }
        return new ArrayList<>(cached.values());
    }

    /**
     * Number of entries kept decoded in memory.
     *
     * @return the count
     */
    int cachedEntries() {
        return cachedEntries;
    }

    private void evict() {
        var eldest = cache.entrySet().iterator();
        // Keeps the most recent target even when it alone is over the bound: its fold is still running.
        while (cachedEntries > maxCachedEntries && cache.size() > 1) {
            cachedEntries -= eldest.next().getValue().size();
            eldest.remove();
        }
    }

    /**
     * Lists the entries of a target in any readable store, e.g. one queried interactively.
     *
     * @param store the store
     * @param targetId id of the target
     * @return the entries, ordered by backup id
     */
    public static List<CatalogEntry> of(ReadOnlyKeyValueStore<String, CatalogEntry> store, String targetId) {
        List<CatalogEntry> entries = new ArrayList<>();
        try (KeyValueIterator<String, CatalogEntry> it = store.prefixScan(targetId + SEPARATOR, KEYS)) {
            while (it.hasNext()) {
                KeyValue<String, CatalogEntry> next = it.next();
                entries.add(next.value);
            }
        }
        return entries;
    }

    /**
     * Removes an entry, once its audit period after expiry has passed.
     *
     * @param targetId id of the target
     * @param backupId id of the backup
     */
    public void delete(String targetId, String backupId) {
        store.delete(key(targetId, backupId));
        Map<String, CatalogEntry> cached = cache.get(targetId);
        if (cached != null && cached.remove(backupId) != null) {
            cachedEntries--;
        }
    }
}
