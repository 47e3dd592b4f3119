package io.lifeboat.catalog.domain;

import java.time.Duration;
import java.time.Instant;

import io.lifeboat.events.Engine;
import io.lifeboat.events.backup.BackupPhase;
import io.lifeboat.events.backup.BackupType;
import io.lifeboat.events.catalog.CatalogEntry;

/**
 * Catalog entries of the target {@code orders-db} for retention tests, built with the fields only this package sees.
 */
public final class RetentionEntries {

    /** The target every entry belongs to. */
    public static final String TARGET = "orders-db";

    private RetentionEntries() {
    }

    /**
     * A completed full backup consistent at {@code at}, completed a minute later.
     *
     * @param id backup id
     * @param at consistent instant
     * @return the entry
     */
    public static CatalogEntry full(String id, Instant at) {
        return completed(id, BackupType.FULL, null, at, null);
    }

    /**
     * A completed full backup with the log position it started at.
     *
     * @param id backup id
     * @param at consistent instant
     * @param startPosition log position, e.g. {@code 0/3000028}
     * @return the entry
     */
    public static CatalogEntry full(String id, Instant at, String startPosition) {
        return completed(id, BackupType.FULL, null, at, startPosition);
    }

    /**
     * A completed incremental backup on top of {@code baseId}.
     *
     * @param id backup id
     * @param baseId id of the backup it builds on
     * @param at consistent instant
     * @return the entry
     */
    public static CatalogEntry incremental(String id, String baseId, Instant at) {
        return completed(id, BackupType.INCREMENTAL, baseId, at, null);
    }

    /**
     * A completed full backup that only knows when it completed.
     *
     * @param id backup id
     * @param completedAt completion instant
     * @return the entry
     */
    public static CatalogEntry fullWithoutConsistentAt(String id, Instant completedAt) {
        EntryBuilder b = EntryBuilder.of(id, TARGET, Engine.POSTGRES, BackupType.FULL);
        b.phase = BackupPhase.COMPLETED;
        b.startedAt = completedAt.minus(Duration.ofMinutes(10));
        b.completedAt = completedAt;
        return b.build(completedAt);
    }

    /**
     * A copy of an entry in another phase.
     *
     * @param entry the entry
     * @param phase the phase
     * @return the copy
     */
    public static CatalogEntry inPhase(CatalogEntry entry, BackupPhase phase) {
        return EntryBuilder.from(entry).phase(phase).build(entry.updatedAt());
    }

    /**
     * A copy of an entry whose deletion the catalog already asked for.
     *
     * @param entry the entry
     * @param at instant of the request
     * @return the copy
     */
    public static CatalogEntry expireRequested(CatalogEntry entry, Instant at) {
        return EntryBuilder.from(entry).expireRequested(at, "retention: keep-last 1").build(at);
    }

    private static CatalogEntry completed(String id, BackupType type, String baseId, Instant at,
            String startPosition) {
        EntryBuilder b = EntryBuilder.of(id, TARGET, Engine.POSTGRES, type);
        b.phase = BackupPhase.COMPLETED;
        b.baseBackupId = baseId;
        b.startedAt = at.minus(Duration.ofMinutes(10));
        b.consistentAt = at;
        b.completedAt = at.plus(Duration.ofMinutes(1));
        b.startPosition = startPosition;
        return b.build(b.completedAt);
    }
}
