package io.lifeboat.catalog.domain;

import java.time.Instant;
import java.util.List;

import io.lifeboat.events.Engine;
import io.lifeboat.events.backup.BackupPhase;
import io.lifeboat.events.backup.BackupType;
import io.lifeboat.events.backup.StorageLocation;
import io.lifeboat.events.catalog.CatalogEntry;
import io.lifeboat.events.catalog.RetentionTag;

/**
 * Copies a {@link CatalogEntry} with some fields changed; the contract record has too many fields for withers.
 */
public final class EntryBuilder {

    String backupId;
    String targetId;
    Engine engine;
    BackupType backupType;
    BackupPhase phase;
    String baseBackupId;
    Instant startedAt;
    Instant completedAt;
    Instant consistentAt;
    String endPosition;
    Long rawBytes;
    Long storedBytes;
    String sha256;
    StorageLocation location;
    String storageClass;
    List<RetentionTag> retentionTags = List.of();
    Instant verifiedAt;
    Instant updatedAt;
    String startPosition;
    String commandId;
    List<String> problems;
    String storageTier;
    String dueStorageClass;
    String failureReason;
    String verificationFailure;
    Instant verificationFailedAt;
    Instant expireRequestedAt;
    String expiryReason;
    Instant expiredAt;

    private EntryBuilder() {
    }

    /**
     * Starts an entry for a backup the catalog has not seen before.
     *
     * @param backupId id of the backup
     * @param targetId id of its target
     * @param engine engine of the target
     * @param backupType kind of backup
     * @return a builder with every optional field unset
     */
    public static EntryBuilder of(String backupId, String targetId, Engine engine, BackupType backupType) {
        EntryBuilder builder = new EntryBuilder();
        builder.backupId = backupId;
        builder.targetId = targetId;
        builder.engine = engine;
        builder.backupType = backupType;
        return builder;
    }

    /**
     * Starts from an existing entry.
     *
     * @param entry the entry to copy
     * @return a builder holding every field of {@code entry}
     */
    public static EntryBuilder from(CatalogEntry entry) {
        EntryBuilder b = of(entry.backupId(), entry.targetId(), entry.engine(), entry.backupType());
        b.phase = entry.phase();
        b.baseBackupId = entry.baseBackupId();
        b.startedAt = entry.startedAt();
        b.completedAt = entry.completedAt();
        b.consistentAt = entry.consistentAt();
        b.endPosition = entry.endPosition();
        b.rawBytes = entry.rawBytes();
        b.storedBytes = entry.storedBytes();
        b.sha256 = entry.sha256();
        b.location = entry.location();
        b.storageClass = entry.storageClass();
        b.retentionTags = entry.retentionTags();
        b.verifiedAt = entry.verifiedAt();
        b.updatedAt = entry.updatedAt();
        b.startPosition = entry.startPosition();
        b.commandId = entry.commandId();
        b.problems = entry.problems();
        b.storageTier = entry.storageTier();
        b.dueStorageClass = entry.dueStorageClass();
        b.failureReason = entry.failureReason();
        b.verificationFailure = entry.verificationFailure();
        b.verificationFailedAt = entry.verificationFailedAt();
        b.expireRequestedAt = entry.expireRequestedAt();
        b.expiryReason = entry.expiryReason();
        b.expiredAt = entry.expiredAt();
        return b;
    }

    /** Sets the phase. @param value new phase @return this builder */
    public EntryBuilder phase(BackupPhase value) {
        phase = value;
        return this;
    }

    /** Sets the retention tags. @param value tags keeping the backup @return this builder */
    public EntryBuilder retentionTags(List<RetentionTag> value) {
        retentionTags = value == null ? List.of() : List.copyOf(value);
        return this;
    }

    /** Sets the due storage tier and class. @param tier tier name @param storageClassOfTier its class @return this */
    public EntryBuilder dueTier(String tier, String storageClassOfTier) {
        storageTier = tier;
        dueStorageClass = storageClassOfTier;
        return this;
    }

    /** Records that expiry was asked for. @param at when @param reason rule that fired @return this builder */
    public EntryBuilder expireRequested(Instant at, String reason) {
        expireRequestedAt = at;
        expiryReason = reason;
        return this;
    }

    /**
     * Builds the entry, stamped with {@code now}.
     *
     * @param now instant of this change
     * @return the entry
     */
    public CatalogEntry build(Instant now) {
        return new CatalogEntry(backupId, targetId, engine, backupType, phase, baseBackupId, startedAt, completedAt,
                consistentAt, endPosition, rawBytes, storedBytes, sha256, location, storageClass, retentionTags,
                verifiedAt, now, startPosition, commandId, problems, storageTier, dueStorageClass, failureReason,
                verificationFailure, verificationFailedAt, expireRequestedAt, expiryReason, expiredAt);
    }
}
