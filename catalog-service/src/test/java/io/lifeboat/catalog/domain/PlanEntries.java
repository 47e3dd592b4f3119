package io.lifeboat.catalog.domain;

import java.time.Duration;
import java.time.Instant;

import io.lifeboat.events.Engine;
import io.lifeboat.events.backup.BackupPhase;
import io.lifeboat.events.backup.BackupType;
import io.lifeboat.events.catalog.CatalogEntry;

/**
 * Builds completed catalog entries for restore-plan tests, reaching the fields {@link EntryBuilder} keeps
 * package-private.
 */
public final class PlanEntries {

    /** Target every entry belongs to. */
    public static final String TARGET = "orders";

    private final EntryBuilder builder;

    private PlanEntries(EntryBuilder builder) {
        this.builder = builder;
    }

    /**
     * A completed full backup in STANDARD, 1 GiB raw, whose end position is {@code id + "-end"}.
     *
     * @param id backup id
     * @param engine engine of the target
     * @param consistentAt instant the backup is consistent to
     * @return the fixture
     */
    public static PlanEntries full(String id, Engine engine, Instant consistentAt) {
        return of(id, engine, BackupType.FULL, null, consistentAt);
    }

    /**
     * A completed incremental backup on top of {@code baseId}.
     *
     * @param id backup id
     * @param baseId backup it builds on
     * @param engine engine of the target
     * @param consistentAt instant the backup is consistent to
     * @return the fixture
     */
    public static PlanEntries incremental(String id, String baseId, Engine engine, Instant consistentAt) {
        return of(id, engine, BackupType.INCREMENTAL, baseId, consistentAt);
    }

    /**
     * A completed snapshot (a Redis RDB file).
     *
     * @param id backup id
     * @param consistentAt instant the snapshot is consistent to
     * @return the fixture
     */
    public static PlanEntries snapshot(String id, Instant consistentAt) {
        return of(id, Engine.REDIS, BackupType.SNAPSHOT, null, consistentAt);
    }

    private static PlanEntries of(String id, Engine engine, BackupType type, String baseId, Instant consistentAt) {
        EntryBuilder b = EntryBuilder.of(id, TARGET, engine, type).phase(BackupPhase.COMPLETED);
        b.baseBackupId = baseId;
        b.startedAt = consistentAt.minus(Duration.ofMinutes(10));
        b.completedAt = consistentAt.plus(Duration.ofMinutes(1));
        b.consistentAt = consistentAt;
        b.startPosition = id + "-start";
        b.endPosition = id + "-end";
        b.rawBytes = 1L << 30;
        b.storedBytes = 1L << 29;
        b.storageClass = "STANDARD";
        return new PlanEntries(b);
    }

    /** Sets the phase. @param phase new phase @return this fixture */
    public PlanEntries phase(BackupPhase phase) {
        builder.phase(phase);
        return this;
    }

    /** Sets both sizes. @param raw raw bytes, or null @param stored stored bytes, or null @return this fixture */
    public PlanEntries bytes(Long raw, Long stored) {
        builder.rawBytes = raw;
        builder.storedBytes = stored;
        return this;
    }

    /** Sets the class written to. @param storageClass the class @return this fixture */
    public PlanEntries storageClass(String storageClass) {
        builder.storageClass = storageClass;
        return this;
    }

    /** Sets the class the backup's age makes it due for. @param storageClass the class @return this fixture */
    public PlanEntries due(String storageClass) {
        builder.dueTier("cold", storageClass);
        return this;
    }

    /** Builds the entry. @return the entry, stamped at its completion */
    public CatalogEntry build() {
        return builder.build(builder.completedAt);
    }
}
