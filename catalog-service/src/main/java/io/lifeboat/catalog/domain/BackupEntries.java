package io.lifeboat.catalog.domain;

import java.util.List;

import io.lifeboat.events.catalog.CatalogEntry;

/**
 * The catalog entries of the targets one fold may touch; the streams layer backs it with a state store.
 */
public interface BackupEntries {

    /**
     * Finds an entry.
     *
     * @param targetId id of the target
     * @param backupId id of the backup
     * @return the entry, or null
     */
    CatalogEntry get(String targetId, String backupId);

    /**
     * Stores an entry, replacing the earlier one of the same backup.
     *
     * @param entry the entry
     */
    void put(CatalogEntry entry);

    /**
     * Every entry of a target.
     *
     * @param targetId id of the target
     * @return the entries, any phase, in no particular order
     */
    List<CatalogEntry> of(String targetId);
}
