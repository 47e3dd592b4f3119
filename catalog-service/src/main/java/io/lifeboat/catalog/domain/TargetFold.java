package io.lifeboat.catalog.domain;

import java.time.Duration;

import io.lifeboat.events.archive.ArchiveFailed;
import io.lifeboat.events.archive.ArchiveFailure;
import io.lifeboat.events.archive.ArchiveProgressed;
import io.lifeboat.events.backup.BackupCompleted;
import io.lifeboat.events.backup.BackupFailed;
import io.lifeboat.events.backup.ExpireFailed;
import io.lifeboat.events.backup.RestoreCompleted;
import io.lifeboat.events.backup.RestoreFailed;
import io.lifeboat.events.backup.VerificationFailed;
import io.lifeboat.events.policy.PolicyDefined;

/**
 * Folds target-level facts (policy, archive progress and failures, backup and restore outcomes) into a
 * {@link TargetState}. Each method returns whether the state changed; facts older than what is recorded change
 * nothing, so duplicates and late arrivals are harmless.
 */
public final class TargetFold {

    /** Weight of the newest restore in the moving average of restore throughput. */
    private static final double RESTORE_RATE_WEIGHT = 0.3;

    private TargetFold() {
    }

    /**
     * A policy version was defined, or the target left protection ({@code policy} null).
     *
     * @param state the target
     * @param policy the new version, or null for a tombstone
     * @return whether the state changed
     */
    public static boolean policy(TargetState state, PolicyDefined policy) {
        PolicyDefined current = state.getPolicy();
        if (policy == null) {
            if (current == null) {
                return false;
            }
            state.setPolicy(null);
            state.setRpo(RpoState.WITHIN);
            return true;
        }
        if (current != null && (policy.equals(current) || policy.definedAt().isBefore(current.definedAt()))) {
            return false;
        }
        state.setPolicy(policy);
        state.setEngine(policy.engine());
        if (state.getProtectedSince() == null || policy.definedAt().isBefore(state.getProtectedSince())) {
            state.setProtectedSince(policy.definedAt());
        }
        return true;
    }

    /**
     * The log archive moved its tip.
     *
     * @param state the target
     * @param fact the progress report
     * @return whether the state changed (false for a report older than the recorded tip)
     */
    public static boolean archiveProgressed(TargetState state, ArchiveProgressed fact) {
        ArchiveTip current = state.getArchive();
        if (current != null && !fact.observedAt().isAfter(current.observedAt())) {
            return false;
        }
        state.setEngine(fact.engine());
        state.setArchive(ArchiveTip.of(fact));
        ArchiveTrouble trouble = state.getArchiveTrouble();
        if (trouble != null && trouble.at().isBefore(fact.observedAt())) {
            state.setArchiveTrouble(null);
        }
        return true;
    }

    /**
     * The log archive stopped; a gap caps what the archive can restore until a backup taken after it completes.
     *
     * @param state the target
     * @param fact the failure
     * @return whether the state changed
     */
    public static boolean archiveFailed(TargetState state, ArchiveFailed fact) {
        boolean changed = false;
        if (fact.failure() == ArchiveFailure.GAP && !knownGap(state, fact)) {
            ArchiveTip tip = state.getArchive();
            state.addGap(new LogGap(tip == null ? null : tip.restorablePoint(), fact.missingFrom(), fact.missingTo(),
                    fact.failedAt(), fact.reason(), null, null));
            changed = true;
        }
        ArchiveTrouble trouble = state.getArchiveTrouble();
        ArchiveTip tip = state.getArchive();
        boolean newer = (trouble == null || fact.failedAt().isAfter(trouble.at()))
                && (tip == null || !tip.observedAt().isAfter(fact.failedAt()));
        if (newer) {
            state.setArchiveTrouble(
                    new ArchiveTrouble(fact.failure().name(), fact.reason(), fact.retrying(), fact.failedAt()));
            state.note(new TargetNote(fact.failedAt(), "ArchiveFailed",
                    fact.failure() == ArchiveFailure.GAP ? NoteSeverity.CRITICAL : NoteSeverity.WARNING,
                    fact.failure() + ": " + fact.reason()));
            changed = true;
        }
        return changed;
    }

    /**
     * A backup completed: the last success of its type moves, and a backup that carries a log position and is
     * consistent after an open gap closes it.
     *
     * @param state the target
     * @param fact the completion
     * @return whether the state changed
     */
    public static boolean backupCompleted(TargetState state, BackupCompleted fact) {
        boolean changed = false;
        state.setEngine(fact.engine());
        LastBackup last = state.getLastSuccess().get(fact.backupType());
        if (last == null || fact.completedAt().isAfter(last.at())) {
            state.getLastSuccess().put(fact.backupType(), new LastBackup(fact.backupId(), fact.completedAt(), null));
            changed = true;
        }
        LogGap gap = state.openGap();
        if (gap != null && fact.startPosition() != null && fact.consistentAt().isAfter(gap.reportedAt())) {
            int index = state.getGaps().indexOf(gap);
            state.getGaps().set(index, gap.closedBy(fact.backupId(), fact.consistentAt()));
            changed = true;
        }
        if (fact.partiallyFailed()) {
            changed |= note(state, new TargetNote(fact.completedAt(), "BackupCompleted", NoteSeverity.WARNING,
                    "backup '" + fact.backupId() + "' left out " + fact.problems().size() + " item(s): "
                            + fact.problems().get(0)));
        }
        return changed;
    }

    /**
     * A backup failed.
     *
     * @param state the target
     * @param fact the failure
     * @return whether the state changed
     */
    public static boolean backupFailed(TargetState state, BackupFailed fact) {
        LastBackup last = state.getLastFailure();
        boolean changed = false;
        if (last == null || fact.failedAt().isAfter(last.at())) {
            state.setLastFailure(new LastBackup(fact.backupId(), fact.failedAt(), fact.failedStep() + ": "
                    + fact.reason()));
            changed = true;
        }
        return note(state, new TargetNote(fact.failedAt(), "BackupFailed", NoteSeverity.CRITICAL,
                "backup '" + fact.backupId() + "' failed at " + fact.failedStep() + ": " + fact.reason())) || changed;
    }

    /**
     * A verification failed.
     *
     * @param state the target
     * @param fact the failure
     * @return whether the state changed
     */
    public static boolean verificationFailed(TargetState state, VerificationFailed fact) {
        return note(state, new TargetNote(fact.failedAt(), "VerificationFailed", NoteSeverity.CRITICAL,
                "backup '" + fact.backupId() + "' failed verification at " + fact.failedStep() + ": "
                        + fact.reason()));
    }

    /**
     * An expiry could not finish.
     *
     * @param state the target
     * @param fact the failure
     * @return whether the state changed
     */
    public static boolean expireFailed(TargetState state, ExpireFailed fact) {
        return note(state, new TargetNote(fact.failedAt(), "ExpireFailed", NoteSeverity.WARNING,
                "expiry " + fact.commandId() + " left " + fact.remainingBackupIds() + " at " + fact.failedStep()
                        + ": " + fact.reason()));
    }

    /**
     * A restore completed: its throughput feeds the restore plan's time estimate.
     *
     * @param state the target
     * @param fact the completion
     * @return whether the state changed
     */
    public static boolean restoreCompleted(TargetState state, RestoreCompleted fact) {
        TargetNote note = new TargetNote(fact.completedAt(), "RestoreCompleted", NoteSeverity.INFO,
                "backup '" + fact.backupId() + "' restored to " + fact.restoredTo() + " into " + fact.destination());
        if (state.getNotes().contains(note)) {
            return false;
        }
        Duration took = Duration.between(fact.startedAt(), fact.completedAt());
        if (fact.restoredBytes() > 0 && took.toMillis() > 0) {
            double rate = fact.restoredBytes() * 1000.0 / took.toMillis();
            Double current = state.getRestoreBytesPerSecond();
            state.setRestoreBytesPerSecond(
                    current == null ? rate : current * (1 - RESTORE_RATE_WEIGHT) + rate * RESTORE_RATE_WEIGHT);
        }
        state.note(note);
        return true;
    }

    /**
     * A restore failed.
     *
     * @param state the target
     * @param fact the failure
     * @return whether the state changed
     */
    public static boolean restoreFailed(TargetState state, RestoreFailed fact) {
        return note(state, new TargetNote(fact.failedAt(), "RestoreFailed", NoteSeverity.CRITICAL,
                "restore of '" + fact.backupId() + "' into " + fact.destination() + " failed at " + fact.failedStep()
                        + ": " + fact.reason()));
    }

    /**
     * Adds a note unless it is already there.
     *
     * @param state the target
     * @param note the event
     * @return whether it was new
     */
    public static boolean note(TargetState state, TargetNote note) {
        if (state.getNotes().contains(note)) {
            return false;
        }
        state.note(note);
        return true;
    }

    private static boolean knownGap(TargetState state, ArchiveFailed fact) {
        return state.getGaps().stream()
                .anyMatch(gap -> !gap.closed() && java.util.Objects.equals(gap.missingFrom(), fact.missingFrom()));
    }
}
