package io.lifeboat.dr.domain;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import io.lifeboat.events.Engine;
import io.lifeboat.events.backup.BackupPhase;
import io.lifeboat.events.backup.BackupType;
import io.lifeboat.events.catalog.CatalogEntry;
import io.lifeboat.events.dr.RestoreScenario;

/**
 * Chooses the backup and replay target of a restore or drill from the catalog's entries of a target: only
 * completed backups that are not being expired, and for PostgreSQL only FULL ones (the agent restores a physical
 * backup and replays WAL on it; a LOGICAL dump takes no replay).
 */
public final class RecoveryPoints {

    private RecoveryPoints() {
    }

    /**
     * Chooses the point of a restore.
     *
     * @param scenario why the target is restored
     * @param point the instant to recover to (POINT_IN_TIME), of the loss (DATA_LOSS) or of the detection
     *        (CORRUPTION)
     * @param backupId the backup asked for, or null
     * @param entries the catalog's entries of the target
     * @return the point, or a refusal naming the instant and what the catalog has
     */
    public static RecoveryPoint forRestore(RestoreScenario scenario, Instant point, String backupId,
            List<CatalogEntry> entries) {
        List<CatalogEntry> restorable = entries.stream().filter(RecoveryPoints::restorable).toList();
        if (backupId != null) {
            return named(scenario, point, backupId, entries, restorable);
        }
        return switch (scenario) {
            case POINT_IN_TIME -> replayed(point, true, restorable, at -> !at.isAfter(point),
                    "consistent at or before " + point);
            case DATA_LOSS -> replayed(point, false, restorable, at -> at.isBefore(point),
                    "consistent before the loss at " + point);
            case CORRUPTION -> beforeCorruption(point, restorable);
            case COMPLETE_FAILURE -> newest(restorable, entry -> true).map(entry -> RecoveryPoint.of(
                    entry.backupId(), consistentAt(entry), null, true, "the newest restorable backup, consistent at "
                            + consistentAt(entry)))
                    .orElseGet(() -> RecoveryPoint.refused(nothing(entries)));
        };
    }

    /**
     * Chooses the backup of a drill: the one asked for, else the newest restorable one; with a point in time, the
     * newest consistent at or before it, replayed to it.
     *
     * @param backupId the backup asked for, or null
     * @param point the instant to rehearse a point-in-time restore to, or null
     * @param entries the catalog's entries of the target
     * @return the point, or a refusal
     */
    public static RecoveryPoint forDrill(String backupId, Instant point, List<CatalogEntry> entries) {
        if (point != null) {
            return forRestore(RestoreScenario.POINT_IN_TIME, point, backupId, entries);
        }
        List<CatalogEntry> restorable = entries.stream().filter(RecoveryPoints::restorable).toList();
        if (backupId != null) {
            return named(RestoreScenario.CORRUPTION, null, backupId, entries, restorable);
        }
        return forRestore(RestoreScenario.COMPLETE_FAILURE, null, null, entries);
    }

    private static RecoveryPoint named(RestoreScenario scenario, Instant point, String backupId,
            List<CatalogEntry> entries, List<CatalogEntry> restorable) {
        Optional<CatalogEntry> entry = restorable.stream().filter(e -> e.backupId().equals(backupId)).findFirst();
        if (entry.isEmpty()) {
            String state = entries.stream().filter(e -> e.backupId().equals(backupId)).findFirst()
                    .map(e -> "it is " + e.phase() + (e.expireRequestedAt() != null ? ", being expired" : "")
                            + (e.engine() == Engine.POSTGRES && e.backupType() != BackupType.FULL
                                    ? ", a " + e.backupType() + " backup (a restore needs a FULL one)"
                                    : ""))
                    .orElse("the catalog does not list it");
            return RecoveryPoint.refused("backup '" + backupId + "' cannot be restored: " + state);
        }
        Instant consistent = consistentAt(entry.get());
        boolean replay = scenario != RestoreScenario.CORRUPTION && point != null;
        if (replay && consistent != null && consistent.isAfter(point)) {
            return RecoveryPoint.refused("backup '" + backupId + "' is consistent at " + consistent + ", after the "
                    + "requested " + point + ": the log cannot be replayed backwards; choose an older backup");
        }
        return RecoveryPoint.of(backupId, consistent, replay ? point : null, scenario != RestoreScenario.DATA_LOSS,
                "backup '" + backupId + "' as asked" + (replay ? ", replayed to " + point : ""));
    }

    private static RecoveryPoint replayed(Instant point, boolean inclusive, List<CatalogEntry> restorable,
            Predicate<Instant> usable, String wanted) {
        if (restorable.isEmpty()) {
            // No catalog to ask (none deployed, or it lost the target): the agent picks from its own store.
            return RecoveryPoint.of(null, null, point, inclusive, "the catalog lists no restorable backup of the "
                    + "target; the agent picks its newest FULL backup " + wanted);
        }
        return newest(restorable, entry -> consistentAt(entry) != null && usable.test(consistentAt(entry)))
                .map(entry -> RecoveryPoint.of(entry.backupId(), consistentAt(entry), point, inclusive,
                        "the newest restorable backup " + wanted + " (" + consistentAt(entry) + "), replayed to "
                                + point + (inclusive ? "" : " exclusive")))
                .orElseGet(() -> RecoveryPoint.refused("no restorable backup is " + wanted + "; the oldest is "
                        + "consistent at " + restorable.stream().map(RecoveryPoints::consistentAt)
                                .filter(at -> at != null).min(Comparator.naturalOrder()).orElse(null)));
    }

    private static RecoveryPoint beforeCorruption(Instant detectedAt, List<CatalogEntry> restorable) {
        Predicate<CatalogEntry> before = entry -> entry.completedAt() != null
                && entry.completedAt().isBefore(detectedAt);
        Optional<CatalogEntry> verified = newest(restorable, before.and(RecoveryPoints::verified));
        if (verified.isPresent()) {
            CatalogEntry entry = verified.get();
            return RecoveryPoint.of(entry.backupId(), consistentAt(entry), null, true, "the newest verified backup "
                    + "completed before the corruption was detected at " + detectedAt + " (verified at "
                    + entry.verifiedAt() + ")");
        }
        return newest(restorable, before).map(entry -> RecoveryPoint.of(entry.backupId(), consistentAt(entry), null,
                true, "no verified backup precedes the detection at " + detectedAt + "; the newest unverified one, "
                        + "completed at " + entry.completedAt() + ", is restored and checked"))
                .orElseGet(() -> RecoveryPoint.refused("no restorable backup completed before the corruption was "
                        + "detected at " + detectedAt));
    }

    private static Optional<CatalogEntry> newest(List<CatalogEntry> entries, Predicate<CatalogEntry> usable) {
        return entries.stream().filter(usable).max(Comparator.comparing(RecoveryPoints::order));
    }

    private static Instant order(CatalogEntry entry) {
        Instant at = consistentAt(entry);
        return at != null ? at : entry.updatedAt();
    }

    private static boolean restorable(CatalogEntry entry) {
        return entry.phase() == BackupPhase.COMPLETED && entry.expireRequestedAt() == null
                && (entry.engine() != Engine.POSTGRES || entry.backupType() == BackupType.FULL);
    }

    private static boolean verified(CatalogEntry entry) {
        return entry.verifiedAt() != null && (entry.verificationFailedAt() == null
                || entry.verificationFailedAt().isBefore(entry.verifiedAt()));
    }

    private static Instant consistentAt(CatalogEntry entry) {
        return entry.consistentAt() != null ? entry.consistentAt() : entry.completedAt();
    }

    private static String nothing(List<CatalogEntry> entries) {
        return entries.isEmpty()
                ? "the catalog lists no backup of the target"
                : "none of the catalog's " + entries.size() + " backup(s) of the target is restorable (completed, "
                        + "not being expired, FULL for PostgreSQL)";
    }
}
