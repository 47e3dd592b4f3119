package io.lifeboat.catalog.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.lifeboat.events.backup.BackupCompleted;
import io.lifeboat.events.backup.BackupFailed;
import io.lifeboat.events.backup.BackupPhase;
import io.lifeboat.events.backup.BackupStarted;
import io.lifeboat.events.backup.BackupVerified;
import io.lifeboat.events.backup.VerificationFailed;
import io.lifeboat.events.catalog.CatalogEntry;

/**
 * Folds the facts about one backup into its catalog entry; each method returns the changed entry, or empty when the
 * fact changes nothing (a duplicate, or a fact that arrives after a later phase and must not undo it).
 *
 * <p>
 * Phases only move forward: PENDING, RUNNING, then COMPLETED or FAILED (the first outcome wins), then EXPIRED. A
 * redelivered command makes an agent re-emit its earlier fact, so an old BackupCompleted may arrive after the backup
 * expired; it must not bring the backup back.
 */
public final class BackupFold {

    private static final Set<BackupPhase> OPEN = Set.of(BackupPhase.PENDING, BackupPhase.RUNNING);

    private BackupFold() {
    }

    /**
     * An agent started the backup.
     *
     * @param current entry so far, or null
     * @param fact the start
     * @param now instant of the fold
     * @return the new entry, or empty
     */
    public static Optional<CatalogEntry> started(CatalogEntry current, BackupStarted fact, Instant now) {
        EntryBuilder b = current == null
                ? EntryBuilder.of(fact.backupId(), fact.targetId(), fact.engine(), fact.backupType())
                        .phase(BackupPhase.RUNNING)
                : EntryBuilder.from(current);
        b.startedAt = first(b.startedAt, fact.startedAt());
        b.baseBackupId = first(b.baseBackupId, fact.baseBackupId());
        b.commandId = first(b.commandId, fact.commandId());
        return changed(current, b, now);
    }

    /**
     * An agent stored the backup completely.
     *
     * @param current entry so far, or null
     * @param fact the completion
     * @param now instant of the fold
     * @return the new entry, or empty when the backup already has an outcome
     */
    public static Optional<CatalogEntry> completed(CatalogEntry current, BackupCompleted fact, Instant now) {
        if (current != null && !OPEN.contains(current.phase())) {
            return Optional.empty();
        }
        EntryBuilder b = current == null
                ? EntryBuilder.of(fact.backupId(), fact.targetId(), fact.engine(), fact.backupType())
                : EntryBuilder.from(current);
        b.phase = BackupPhase.COMPLETED;
        b.baseBackupId = first(fact.baseBackupId(), b.baseBackupId);
        b.commandId = first(fact.commandId(), b.commandId);
        b.startedAt = fact.startedAt();
        b.completedAt = fact.completedAt();
        b.consistentAt = fact.consistentAt();
        b.startPosition = fact.startPosition();
        b.endPosition = fact.endPosition();
        b.rawBytes = fact.rawBytes();
        b.storedBytes = fact.storedBytes();
        b.sha256 = fact.sha256();
        b.location = fact.location();
        b.storageClass = fact.storageClass();
        b.problems = fact.problems();
        return changed(current, b, now);
    }

    /**
     * An agent gave up on the backup; a failure for a backup the catalog never saw start is not an entry (its type
     * is unknown), the target records it instead.
     *
     * @param current entry so far, or null
     * @param fact the failure
     * @param now instant of the fold
     * @return the new entry, or empty
     */
    public static Optional<CatalogEntry> failed(CatalogEntry current, BackupFailed fact, Instant now) {
        if (current == null || !OPEN.contains(current.phase())) {
            return Optional.empty();
        }
        EntryBuilder b = EntryBuilder.from(current).phase(BackupPhase.FAILED);
        b.failureReason = fact.failedStep() + ": " + fact.reason();
        b.completedAt = fact.failedAt();
        return changed(current, b, now);
    }

    /**
     * The artifact was re-read and matched its manifest.
     *
     * @param current entry so far, or null
     * @param fact the verification
     * @param now instant of the fold
     * @return the new entry, or empty when the backup is unknown or the fact is older than what is recorded
     */
    public static Optional<CatalogEntry> verified(CatalogEntry current, BackupVerified fact, Instant now) {
        if (current == null || current.phase() != BackupPhase.COMPLETED || !newer(fact.verifiedAt(),
                current.verifiedAt())) {
            return Optional.empty();
        }
        EntryBuilder b = EntryBuilder.from(current);
        b.verifiedAt = fact.verifiedAt();
        if (b.verificationFailedAt != null && b.verificationFailedAt.isBefore(fact.verifiedAt())) {
            b.verificationFailure = null;
            b.verificationFailedAt = null;
        }
        return changed(current, b, now);
    }

    /**
     * The artifact could not be read or did not match its manifest.
     *
     * @param current entry so far, or null
     * @param fact the failed verification
     * @param now instant of the fold
     * @return the new entry, or empty when the backup is unknown or a later success is recorded
     */
    public static Optional<CatalogEntry> verificationFailed(CatalogEntry current, VerificationFailed fact,
            Instant now) {
        if (current == null || current.phase() != BackupPhase.COMPLETED
                || !newer(fact.failedAt(), current.verificationFailedAt())
                || (current.verifiedAt() != null && !fact.failedAt().isAfter(current.verifiedAt()))) {
            return Optional.empty();
        }
        EntryBuilder b = EntryBuilder.from(current);
        b.verificationFailure = fact.failedStep() + ": " + fact.reason();
        b.verificationFailedAt = fact.failedAt();
        return changed(current, b, now);
    }

    /**
     * The catalog decided to expire the backup and sent the command.
     *
     * @param current the completed entry
     * @param reason rule that fired
     * @param now instant of the decision
     * @return the entry marked as waiting for deletion
     */
    public static CatalogEntry expireRequested(CatalogEntry current, String reason, Instant now) {
        return EntryBuilder.from(current).expireRequested(now, reason).retentionTags(List.of()).build(now);
    }

    /**
     * The agent deleted the artifact.
     *
     * @param current entry so far, or null
     * @param commandId id of the expire command
     * @param expiredAt instant the agent reports
     * @param now instant of the fold
     * @return the expired entry, or empty when the backup is unknown or already expired
     */
    public static Optional<CatalogEntry> expired(CatalogEntry current, String commandId, Instant expiredAt,
            Instant now) {
        if (current == null || current.phase() == BackupPhase.EXPIRED) {
            return Optional.empty();
        }
        EntryBuilder b = EntryBuilder.from(current).phase(BackupPhase.EXPIRED).retentionTags(List.of());
        b.expiredAt = expiredAt;
        b.expiryReason = first(b.expiryReason, "deleted by ExpireBackups " + commandId);
        return changed(current, b, now);
    }

    /**
     * The agent could not delete the artifact: the backup stays and the next retention pass asks again.
     *
     * @param current entry so far, or null
     * @param now instant of the fold
     * @return the entry no longer waiting for deletion, or empty
     */
    public static Optional<CatalogEntry> expireNotDone(CatalogEntry current, Instant now) {
        if (current == null || current.phase() != BackupPhase.COMPLETED || current.expireRequestedAt() == null) {
            return Optional.empty();
        }
        return changed(current, EntryBuilder.from(current).expireRequested(null, null), now);
    }

    private static Optional<CatalogEntry> changed(CatalogEntry current, EntryBuilder b, Instant now) {
        if (current != null && b.build(current.updatedAt()).equals(current)) {
            return Optional.empty();
        }
        return Optional.of(b.build(now));
    }

    private static boolean newer(Instant candidate, Instant recorded) {
        return recorded == null || candidate.isAfter(recorded);
    }

    private static <T> T first(T preferred, T fallback) {
        return preferred != null ? preferred : fallback;
    }
}
