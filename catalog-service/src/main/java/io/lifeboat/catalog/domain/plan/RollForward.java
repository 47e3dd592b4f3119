package io.lifeboat.catalog.domain.plan;

import java.time.Instant;

import io.lifeboat.catalog.domain.LogGap;
import io.lifeboat.catalog.domain.RpoMeter;
import io.lifeboat.catalog.domain.TargetState;
import io.lifeboat.events.Engine;
import io.lifeboat.events.catalog.CatalogEntry;

/**
 * How far one restorable backup can be rolled forward by replaying archived log, and what stops it there.
 *
 * <p>
 * The archive's effective tip bounds every roll-forward. A gap reported after the backup was consistent caps it at
 * the gap's {@code lostAfter} (no roll-forward at all when that is unknown); a gap reported before leaves it alone,
 * since its log starts after the loss. Engines that do not replay log, and targets without an archive, reach the
 * backup's own instant only.
 *
 * @param cap newest instant the backup reaches, never before its {@code consistentAt}
 * @param replays true when log can be replayed on top of the backup
 * @param limit what stops the roll-forward at {@code cap}, phrased for a reason
 */
record RollForward(Instant cap, boolean replays, String limit) {

    /**
     * Works out the roll-forward of a restorable backup.
     *
     * @param state the target
     * @param entry the backup, with a {@code consistentAt}
     * @return its roll-forward
     */
    static RollForward of(TargetState state, CatalogEntry entry) {
        Instant consistentAt = entry.consistentAt();
        Engine engine = state.getEngine() != null ? state.getEngine() : entry.engine();
        if (!RpoMeter.replaysLog(engine)) {
            return new RollForward(consistentAt, false, engine.id() + " restores only backup instants");
        }
        if (state.getArchive() == null) {
            return new RollForward(consistentAt, false,
                    "target " + state.getTargetId() + " has no log archive, so only backup instants are restorable");
        }
        Instant tip = state.getArchive().restorablePoint();
        Instant cap = tip;
        String limit = "archived log ends at " + tip;
        for (LogGap gap : state.getGaps()) {
            if (!cap.isAfter(consistentAt)) {
                break; // nothing left to replay; the first limit that took it all explains it best
            }
            boolean affects = gap.reportedAt() == null || consistentAt.isBefore(gap.reportedAt());
            if (!affects) {
                continue;
            }
            if (gap.lostAfter() == null) {
                cap = consistentAt;
                limit = "log after backup " + entry.backupId() + " was lost (gap reported at " + gap.reportedAt()
                        + ")";
            } else if (gap.lostAfter().isBefore(cap)) {
                cap = gap.lostAfter();
                limit = "log lost after " + gap.lostAfter() + " (gap reported at " + gap.reportedAt() + ")";
            }
        }
        return new RollForward(cap.isBefore(consistentAt) ? consistentAt : cap, true, limit);
    }
}
