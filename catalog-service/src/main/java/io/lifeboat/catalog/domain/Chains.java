package io.lifeboat.catalog.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.lifeboat.events.backup.BackupPhase;
import io.lifeboat.events.catalog.CatalogEntry;

/**
 * The backups of one target and how they depend on each other: an incremental or differential backup restores only
 * with its whole chain back to a full backup, so a chain with a missing, failed or expired link is broken.
 */
public final class Chains {

    private final Map<String, CatalogEntry> byId = new HashMap<>();

    /**
     * Indexes the entries of one target.
     *
     * @param entries every entry of the target, any phase
     */
    public Chains(Collection<CatalogEntry> entries) {
        entries.forEach(entry -> byId.put(entry.backupId(), entry));
    }

    /**
     * Finds an entry.
     *
     * @param backupId id of the backup
     * @return the entry, or empty
     */
    public Optional<CatalogEntry> get(String backupId) {
        return Optional.ofNullable(byId.get(backupId));
    }

    /**
     * Every entry.
     *
     * @return the entries, in no order
     */
    public Collection<CatalogEntry> entries() {
        return byId.values();
    }

    /**
     * The chain a restore of {@code entry} needs, base first, ending with {@code entry}.
     *
     * @param entry the backup to restore
     * @return the chain, or empty when a link is missing, not completed, or the links loop
     */
    public Optional<List<CatalogEntry>> chain(CatalogEntry entry) {
        List<CatalogEntry> chain = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        CatalogEntry link = entry;
        while (link != null) {
            if (link.phase() != BackupPhase.COMPLETED || !seen.add(link.backupId())) {
                return Optional.empty();
            }
            chain.add(0, link);
            if (link.baseBackupId() == null) {
                return Optional.of(chain);
            }
            link = byId.get(link.baseBackupId());
        }
        return Optional.empty();
    }

    /**
     * Tells whether a backup can be restored: completed, consistent at a known instant, and its chain intact.
     *
     * @param entry the backup
     * @return true when a restore can start from it
     */
    public boolean restorable(CatalogEntry entry) {
        return entry.consistentAt() != null && chain(entry).isPresent();
    }

    /**
     * The backups a restore of {@code entry} depends on, excluding {@code entry} itself.
     *
     * @param entry the backup
     * @return ids of its ancestors that exist in the catalog, nearest first
     */
    public List<String> ancestors(CatalogEntry entry) {
        List<String> ancestors = new ArrayList<>();
        Set<String> seen = new HashSet<>(Set.of(entry.backupId()));
        String base = entry.baseBackupId();
        while (base != null && seen.add(base) && byId.containsKey(base)) {
            ancestors.add(base);
            base = byId.get(base).baseBackupId();
        }
        return ancestors;
    }

    /**
     * Restorable backups whose chain has a broken link: the dashboard lists them as chain gaps.
     *
     * @return completed backups that cannot be restored, in no order
     */
    public List<CatalogEntry> broken() {
        return byId.values().stream().filter(e -> e.phase() == BackupPhase.COMPLETED && chain(e).isEmpty()).toList();
    }

    /**
     * The oldest and the newest restorable backup.
     *
     * @return the two points, both null when nothing is restorable
     */
    public RestorePoint[] bounds() {
        RestorePoint oldest = null;
        RestorePoint newest = null;
        for (CatalogEntry entry : byId.values()) {
            if (!restorable(entry)) {
                continue;
            }
            RestorePoint point = new RestorePoint(entry.backupId(), entry.consistentAt());
            if (oldest == null || point.consistentAt().isBefore(oldest.consistentAt())) {
                oldest = point;
            }
            if (newest == null || point.consistentAt().isAfter(newest.consistentAt())) {
                newest = point;
            }
        }
        return new RestorePoint[]{oldest, newest};
    }
}
