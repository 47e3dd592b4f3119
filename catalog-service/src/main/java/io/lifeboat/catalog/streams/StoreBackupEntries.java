package io.lifeboat.catalog.streams;

import java.util.ArrayList;
import java.util.List;

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
 */
public final class StoreBackupEntries implements BackupEntries {

    private static final char SEPARATOR = '\u0000';
    private static final StringSerializer KEYS = new StringSerializer();

    private final KeyValueStore<String, CatalogEntry> store;

    /**
     * Wraps a store.
     *
     * @param store the backups store
     */
    public StoreBackupEntries(KeyValueStore<String, CatalogEntry> store) {
        this.store = store;
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
        return store.get(key(targetId, backupId));
    }

    @Override
    public void put(CatalogEntry entry) {
        store.put(key(entry.targetId(), entry.backupId()), entry);
    }

    @Override
    public List<CatalogEntry> of(String targetId) {
        return of(store, targetId);
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
    }
}
