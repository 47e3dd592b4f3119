package io.lifeboat.agent.mongo.restore;

import java.time.Instant;
import java.util.Optional;

import io.lifeboat.agent.mongo.oplog.OplogPosition;
import io.lifeboat.agent.mongo.oplog.OplogReplay;
import io.lifeboat.agentkit.agent.RestoreEngine;
import io.lifeboat.agentkit.agent.RestoreEngine.RestoreFailure;
import io.lifeboat.agentkit.pipeline.Manifest;
import io.lifeboat.events.backup.RestoreBackup;

/**
 * Where a MongoDB restore ends, read from a {@link RestoreBackup}: the dump's own end, the newest archived oplog
 * entry ({@code recoverToLatest}), an oplog position ({@code <seconds>:<increment>}) or a point in time, the last two
 * inclusive unless {@code targetInclusive} is false. A dump is consistent only at its end, so a target before it is
 * refused rather than approximated; transactions and named points are no MongoDB recovery targets.
 *
 * @param latest whether every archived entry after the dump is applied
 * @param until the bound of the replay after the dump, when there is a target past the dump's end
 * @param text the target as the command gave it, for messages
 */
record RecoveryPoint(boolean latest, Optional<OplogReplay.Until> until, String text) {

    /** Whether oplog entries archived after the dump are applied. */
    boolean pastTheDump() {
        return latest || until.isPresent();
    }

    /** Reads the command's recovery point for {@code backup}, which is consistent at {@code end} (null: never). */
    static RecoveryPoint of(RestoreBackup command, Manifest backup, OplogPosition end) throws RestoreFailure {
        if (command.targetTransaction() != null || command.targetName() != null) {
            throw new RestoreFailure("recovery-target", "target '" + command.targetId() + "' is MongoDB: a restore "
                    + "reaches a dump's end, the newest archived oplog entry (recoverToLatest), a point in time or "
                    + "an oplog position (<seconds>:<increment>); transactions and named points are not recovery "
                    + "targets", false);
        }
        boolean inclusive = !Boolean.FALSE.equals(command.targetInclusive());
        if (Boolean.TRUE.equals(command.recoverToLatest())) {
            requireOplog(backup, end, "the latest archived point");
            return new RecoveryPoint(true, Optional.empty(), "the latest archived point");
        }
        if (command.targetPosition() != null) {
            OplogPosition target;
            try {
                target = OplogPosition.parse(command.targetPosition());
            } catch (IllegalArgumentException e) {
                throw new RestoreFailure("recovery-target", e.getMessage(), false);
            }
            String text = "oplog position " + target;
            requireOplog(backup, end, text);
            if (target.compareTo(end) < (inclusive ? 0 : 1)) {
                throw beforeTheEnd(backup, end, text);
            }
            return new RecoveryPoint(false, target.equals(end)
                    ? Optional.empty()
                    : Optional.of(OplogReplay.Until.position(target, inclusive)), text);
        }
        if (command.pointInTime() != null) {
            Instant time = command.pointInTime();
            String text = "point in time " + time;
            requireOplog(backup, end, text);
            if (time.isBefore(end.instant())) {
                throw beforeTheEnd(backup, end, text);
            }
            return new RecoveryPoint(false, time.equals(end.instant())
                    ? Optional.empty()
                    : Optional.of(OplogReplay.Until.time(time, inclusive)), text);
        }
        return new RecoveryPoint(false, Optional.empty(), "the dump's end");
    }

    private static void requireOplog(Manifest backup, OplogPosition end, String target) throws RestoreFailure {
        if (end == null) {
            throw new RestoreFailure("recovery-target", "backup '" + backup.backupId() + "' of target '" + backup
                    .targetId() + "' was taken from a server without an oplog: it is consistent only per collection "
                    + "(read by " + RestoreEngine.consistentAt(backup) + ") and no oplog continues it, so " + target
                    + " cannot be reached", false);
        }
    }

    private static RestoreFailure beforeTheEnd(Manifest backup, OplogPosition end, String target) {
        return new RestoreFailure("recovery-target", "backup '" + backup.backupId() + "' of target '" + backup
                .targetId() + "' is consistent only at its end, oplog position " + end + " (" + end.instant()
                + "); the recovery target, " + target + ", lies before it: restore an older backup", false);
    }
}
