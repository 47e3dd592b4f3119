package io.lifeboat.catalog.domain;

import java.util.ArrayList;
import java.util.List;

import io.lifeboat.events.catalog.CatalogEntry;

/**
 * What folding one fact changed: the catalog entries to publish, and whether the target's state and its restorable
 * bounds moved.
 */
public final class FoldResult {

    private final List<CatalogEntry> entries = new ArrayList<>();
    private boolean stateChanged;
    private boolean backupsChanged;
    private boolean retentionDue;

    /**
     * Records a changed entry.
     *
     * @param entry the entry as it is now
     */
    public void entry(CatalogEntry entry) {
        entries.add(entry);
        backupsChanged = true;
    }

    /** Marks the target's state as changed. */
    public void stateChanged() {
        stateChanged = true;
    }

    /** Asks for a retention pass on the target, e.g. after a backup completed or the policy changed. */
    public void retentionDue() {
        retentionDue = true;
    }

    /** @return entries changed by the fact, in order */
    public List<CatalogEntry> entries() {
        return entries;
    }

    /** @return whether the target's state changed */
    public boolean isStateChanged() {
        return stateChanged;
    }

    /** @return whether any entry of the target changed */
    public boolean isBackupsChanged() {
        return backupsChanged;
    }

    /** @return whether a retention pass should follow */
    public boolean isRetentionDue() {
        return retentionDue;
    }
}
