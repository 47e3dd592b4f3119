package io.lifeboat.scheduler.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import io.lifeboat.events.LifeboatMessage;
import io.lifeboat.events.backup.BackupCompleted;
import io.lifeboat.events.backup.BackupFailed;
import io.lifeboat.events.backup.BackupProgressed;
import io.lifeboat.events.backup.BackupStarted;
import io.lifeboat.events.backup.BackupsExpired;

/**
 * Folds the agents' backup facts into a target's schedule state: which backups are running (they block the next
 * scheduled one, whoever asked for them) and which completed recently (they can be verified).
 */
public final class BackupFacts {

    /** Completed backups older than this are no longer kept as verification candidates. */
    public static final Duration RECENT_SPAN = Duration.ofHours(48);

    private BackupFacts() {
    }

    /**
     * Folds one fact; facts of other kinds change nothing.
     *
     * @param state the target's state
     * @param fact the fact
     * @param now the current instant
     * @return true when the state changed
     */
    public static boolean fold(TargetSchedule state, LifeboatMessage fact, Instant now) {
        if (fact instanceof BackupStarted started) {
            InFlight previous = state.getInFlight().get(started.commandId());
            Instant seen = max(started.startedAt(), previous == null ? null : previous.lastSeenAt());
            state.getInFlight().put(started.commandId(), new InFlight(started.commandId(), started.backupId(),
                    started.backupType(), started.startedAt(), null, seen));
            return true;
        }
        if (fact instanceof BackupProgressed progressed) {
            return seen(state.getInFlight(), progressed.backupId(), progressed.observedAt());
        }
        if (fact instanceof BackupCompleted completed) {
            boolean ended = ended(state.getInFlight(), completed.commandId(), completed.backupId());
            return remember(state, completed, now) || ended;
        }
        if (fact instanceof BackupFailed failed) {
            return ended(state.getInFlight(), failed.commandId(), failed.backupId());
        }
        if (fact instanceof BackupsExpired expired) {
            Set<String> gone = new HashSet<>(expired.backupIds());
            return state.getRecent().removeIf(backup -> gone.contains(backup.backupId()));
        }
        return false;
    }

    private static boolean seen(Map<String, InFlight> inFlight, String backupId, Instant at) {
        for (Map.Entry<String, InFlight> entry : inFlight.entrySet()) {
            if (backupId.equals(entry.getValue().backupId())) {
                InFlight updated = entry.getValue().seenAt(at);
                entry.setValue(updated);
                return true;
            }
        }
        return false;
    }

    private static boolean ended(Map<String, InFlight> inFlight, String commandId, String backupId) {
        boolean removed = commandId != null && inFlight.remove(commandId) != null;
        return inFlight.values().removeIf(running -> backupId.equals(running.backupId())) || removed;
    }

    private static boolean remember(TargetSchedule state, BackupCompleted completed, Instant now) {
        if (completed.completedAt().isBefore(now.minus(RECENT_SPAN))
                || state.getRecent().stream().anyMatch(b -> b.backupId().equals(completed.backupId()))) {
            return false;
        }
        state.getRecent().add(new RecentBackup(completed.backupId(), completed.backupType(), completed.completedAt()));
        state.getRecent().sort(Comparator.comparing(RecentBackup::completedAt));
        state.getRecent().removeIf(backup -> backup.completedAt().isBefore(now.minus(RECENT_SPAN)));
        while (state.getRecent().size() > TargetSchedule.MAX_RECENT) {
            state.getRecent().remove(0);
        }
        return true;
    }

    private static Instant max(Instant a, Instant b) {
        return b == null || a.isAfter(b) ? a : b;
    }
}
