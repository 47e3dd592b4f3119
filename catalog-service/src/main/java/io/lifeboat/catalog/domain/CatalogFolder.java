package io.lifeboat.catalog.domain;

import java.time.Instant;
import java.util.Optional;

import io.lifeboat.events.LifeboatMessage;
import io.lifeboat.events.archive.ArchiveFailed;
import io.lifeboat.events.archive.ArchiveProgressed;
import io.lifeboat.events.backup.BackupCompleted;
import io.lifeboat.events.backup.BackupFailed;
import io.lifeboat.events.backup.BackupStarted;
import io.lifeboat.events.backup.BackupVerified;
import io.lifeboat.events.backup.BackupsExpired;
import io.lifeboat.events.backup.ExpireFailed;
import io.lifeboat.events.backup.RestoreCompleted;
import io.lifeboat.events.backup.RestoreFailed;
import io.lifeboat.events.backup.VerificationFailed;
import io.lifeboat.events.catalog.CatalogEntry;
import io.lifeboat.events.dr.DrillCompleted;
import io.lifeboat.events.dr.FailoverCompleted;
import io.lifeboat.events.dr.FailoverFailed;
import io.lifeboat.events.dr.FailoverStepCompleted;
import io.lifeboat.events.health.TargetBecameUnhealthy;
import io.lifeboat.events.health.TargetHealthReported;
import io.lifeboat.events.health.TargetRecovered;
import io.lifeboat.events.policy.PolicyDefined;

/**
 * Folds one fact of any kind into a target's state and its catalog entries, and says what changed. Facts the
 * catalog does not keep (progress reports, commands) change nothing.
 */
public final class CatalogFolder {

    private CatalogFolder() {
    }

    /**
     * Folds a fact.
     *
     * @param state the target's state, changed in place
     * @param entries the catalog entries, changed through {@link BackupEntries#put}
     * @param fact the fact
     * @param now wall-clock instant of the fold
     * @return what changed
     */
    public static FoldResult fold(TargetState state, BackupEntries entries, LifeboatMessage fact, Instant now) {
        FoldResult result = new FoldResult();
        boolean stateChanged = fact instanceof PolicyDefined policy
                ? policy(state, policy, result)
                : backupFact(state, entries, fact, now, result) || targetFact(state, fact);
        if (stateChanged) {
            result.stateChanged();
        }
        if (result.isBackupsChanged()) {
            refreshBounds(state, entries);
        }
        return result;
    }

    /**
     * The target left protection: its policy tombstone.
     *
     * @param state the target's state
     * @return what changed
     */
    public static FoldResult policyRemoved(TargetState state) {
        FoldResult result = new FoldResult();
        if (TargetFold.policy(state, null)) {
            result.stateChanged();
        }
        return result;
    }

    /**
     * Recomputes the oldest and newest restorable backup of a target from its entries.
     *
     * @param state the target's state
     * @param entries the catalog entries
     * @return whether the bounds moved
     */
    public static boolean refreshBounds(TargetState state, BackupEntries entries) {
        RestorePoint[] bounds = new Chains(entries.of(state.getTargetId())).bounds();
        boolean moved = !java.util.Objects.equals(bounds[0], state.getOldestBase())
                || !java.util.Objects.equals(bounds[1], state.getNewestBase());
        state.setOldestBase(bounds[0]);
        state.setNewestBase(bounds[1]);
        return moved;
    }

    private static boolean backupFact(TargetState state, BackupEntries entries, LifeboatMessage fact, Instant now,
            FoldResult result) {
        if (fact instanceof BackupStarted started) {
            return entry(result, entries,
                    BackupFold.started(entries.get(started.targetId(), started.backupId()), started, now));
        }
        if (fact instanceof BackupCompleted completed) {
            return completed(state, entries, completed, now, result);
        }
        if (fact instanceof BackupFailed failed) {
            entry(result, entries, BackupFold.failed(entries.get(failed.targetId(), failed.backupId()), failed, now));
            return TargetFold.backupFailed(state, failed);
        }
        if (fact instanceof BackupVerified verified) {
            return entry(result, entries,
                    BackupFold.verified(entries.get(verified.targetId(), verified.backupId()), verified, now));
        }
        if (fact instanceof VerificationFailed failed) {
            entry(result, entries,
                    BackupFold.verificationFailed(entries.get(failed.targetId(), failed.backupId()), failed, now));
            return TargetFold.verificationFailed(state, failed);
        }
        if (fact instanceof BackupsExpired expired) {
            for (String backupId : expired.backupIds()) {
                entry(result, entries, BackupFold.expired(entries.get(expired.targetId(), backupId),
                        expired.commandId(), expired.expiredAt(), now));
            }
            return false;
        }
        if (fact instanceof ExpireFailed failed) {
            return expireFailed(state, entries, failed, now, result);
        }
        return false;
    }

    private static boolean targetFact(TargetState state, LifeboatMessage fact) {
        if (fact instanceof ArchiveProgressed progressed) {
            return TargetFold.archiveProgressed(state, progressed);
        } else if (fact instanceof ArchiveFailed failed) {
            return TargetFold.archiveFailed(state, failed);
        } else if (fact instanceof RestoreCompleted restored) {
            return TargetFold.restoreCompleted(state, restored);
        } else if (fact instanceof RestoreFailed failed) {
            return TargetFold.restoreFailed(state, failed);
        } else if (fact instanceof TargetBecameUnhealthy unhealthy) {
            return OutsideFold.unhealthy(state, unhealthy);
        } else if (fact instanceof TargetRecovered recovered) {
            return OutsideFold.recovered(state, recovered);
        } else if (fact instanceof TargetHealthReported report) {
            return OutsideFold.reported(state, report);
        } else if (fact instanceof FailoverStepCompleted step) {
            return OutsideFold.failoverStep(state, step);
        } else if (fact instanceof FailoverCompleted completed) {
            return OutsideFold.failoverCompleted(state, completed);
        } else if (fact instanceof FailoverFailed failed) {
            return OutsideFold.failoverFailed(state, failed);
        } else if (fact instanceof DrillCompleted drill) {
            return OutsideFold.drillCompleted(state, drill);
        }
        return false;
    }

    private static boolean policy(TargetState state, PolicyDefined policy, FoldResult result) {
        boolean changed = TargetFold.policy(state, policy);
        if (changed) {
            result.retentionDue();
        }
        return changed;
    }

    private static boolean completed(TargetState state, BackupEntries entries, BackupCompleted completed, Instant now,
            FoldResult result) {
        Optional<CatalogEntry> entry = BackupFold.completed(entries.get(completed.targetId(), completed.backupId()),
                completed, now);
        entry(result, entries, entry);
        if (entry.isPresent()) {
            result.retentionDue();
            return TargetFold.backupCompleted(state, completed);
        }
        return false;
    }

    private static boolean expireFailed(TargetState state, BackupEntries entries, ExpireFailed failed, Instant now,
            FoldResult result) {
        for (String backupId : failed.expiredBackupIds()) {
            entry(result, entries, BackupFold.expired(entries.get(failed.targetId(), backupId), failed.commandId(),
                    failed.failedAt(), now));
        }
        for (String backupId : failed.remainingBackupIds()) {
            entry(result, entries, BackupFold.expireNotDone(entries.get(failed.targetId(), backupId), now));
        }
        return TargetFold.expireFailed(state, failed);
    }

    private static boolean entry(FoldResult result, BackupEntries entries, Optional<CatalogEntry> entry) {
        entry.ifPresent(changed -> {
            entries.put(changed);
            result.entry(changed);
        });
        return false;
    }
}
