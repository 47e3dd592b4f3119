package io.lifeboat.agent.pg.wal;

import java.util.List;
import java.util.Optional;

import io.lifeboat.agentkit.agent.BackupEngine;
import io.lifeboat.agentkit.pipeline.Manifest;
import io.lifeboat.events.backup.ExpireBackups;

/**
 * The oldest WAL position a target still needs: the older of the catalog's {@code keepLogFrom} and the start LSN of
 * the oldest base backup still stored, so the agent never deletes WAL a backup it stores needs, whatever the command
 * says.
 *
 * @param lsn the position; archived WAL that ends at or before it may go
 * @param source what set it, for the log: the command or a backup
 */
record WalKeepPosition(long lsn, String source) {

    /** The keep position of an expiry; empty when neither the command nor any remaining backup names one. */
    static Optional<WalKeepPosition> of(ExpireBackups command, List<Manifest> remaining) {
        Optional<WalKeepPosition> keep = Optional.empty();
        if (command.keepLogFrom() != null && !command.keepLogFrom().isBlank()) {
            keep = Optional.of(new WalKeepPosition(parse(command.keepLogFrom(), "keepLogFrom of expiry '"
                    + command.commandId() + "' of target '" + command.targetId() + "'"), "keepLogFrom"));
        }
        for (Manifest manifest : remaining) {
            Object start = manifest.engineMetadata() == null
                    ? null
                    : manifest.engineMetadata().get(BackupEngine.START_POSITION);
            if (start == null) {
                // A LOGICAL dump replays no WAL.
                continue;
            }
            long lsn = parse(start.toString(), BackupEngine.START_POSITION + " of " + manifest.describe());
            if (keep.isEmpty() || lsn < keep.get().lsn()) {
                keep = Optional.of(new WalKeepPosition(lsn, "start of backup '" + manifest.backupId() + "'"));
            }
        }
        return keep;
    }

    /** {@code 0/3000028 (keepLogFrom)}. */
    @Override
    public String toString() {
        return WalSegments.format(lsn) + " (" + source + ")";
    }

    private static long parse(String text, String what) {
        try {
            return WalSegments.parseLsn(text);
        } catch (IllegalArgumentException e) {
            // Guessing here could delete WAL a backup needs: refuse, and the next expiry tries again.
            throw new IllegalArgumentException(what + ": " + e.getMessage(), e);
        }
    }
}
