package io.lifeboat.agent.pg.restore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jboss.logging.Logger;

/**
 * Carries out the due {@link ScratchDiscards}: stops the server, removes the data directory, its WAL spool and its
 * server log, and deletes the entry. A directory without the restore marker of the entry's command is never touched
 * (the entry may have been edited by hand to point elsewhere); failures keep the entry for the next check.
 */
final class ScratchReaper {

    private static final Logger LOG = Logger.getLogger(ScratchReaper.class);

    /** Stops the server running on a discarded directory, if one runs; fails when it keeps running. */
    @FunctionalInterface
    interface ServerStop {

        /** Stops the server on {@code discard.dataDir()}; returns once no server runs on it. */
        void stop(ScratchDiscard discard) throws IOException, InterruptedException;
    }

    /** What a check did with one entry. */
    enum Outcome {
        /** Not due yet: kept. */
        WAITING,
        /** Server stopped, directory removed, entry deleted. */
        DISCARDED,
        /** The directory was already gone: entry deleted. */
        ALREADY_GONE,
        /** The directory lacks the marker of the entry's command: nothing touched, entry kept. */
        REFUSED,
        /** Stopping or removing failed, or the entry is unreadable: entry kept for the next check. */
        FAILED
    }

    /**
     * One entry's outcome.
     *
     * @param entry the entry file
     * @param dataDir the directory it names, when it could be read
     * @param outcome what was done
     * @param detail why, for refusals and failures; empty otherwise
     */
    record Result(Path entry, Optional<Path> dataDir, Outcome outcome, String detail) {
    }

    private final ScratchDiscards discards;
    private final ServerStop serverStop;

    ScratchReaper(ScratchDiscards discards, ServerStop serverStop) {
        this.discards = discards;
        this.serverStop = serverStop;
    }

    /** Handles every entry due at {@code now} and reports what happened to each entry. */
    List<Result> reap(Instant now) throws InterruptedException {
        List<Path> files;
        try {
            files = discards.files();
        } catch (IOException e) {
            LOG.errorf("unable to list the discards of restored scratch servers: %s", e.getMessage());
            return List.of();
        }
        List<Result> results = new ArrayList<>();
        for (Path file : files) {
            results.add(reapOne(file, now));
        }
        return results;
    }

    private Result reapOne(Path file, Instant now) throws InterruptedException {
        ScratchDiscard discard;
        try {
            discard = discards.read(file);
        } catch (IOException e) {
            LOG.errorf("%s; the entry stays until it is fixed or removed", e.getMessage());
            return new Result(file, Optional.empty(), Outcome.FAILED, String.valueOf(e.getMessage()));
        }
        Path dataDir = discard.dataDir();
        if (!discard.dueAt(now)) {
            return new Result(file, Optional.of(dataDir), Outcome.WAITING, "");
        }
        try {
            if (!Files.exists(dataDir)) {
                discards.delete(file);
                LOG.infof("discard of %s (restore '%s'): the directory is already gone; entry removed", dataDir,
                        discard.commandId());
                return new Result(file, Optional.of(dataDir), Outcome.ALREADY_GONE, "");
            }
            Optional<String> markerCommand = RestoreMarker.commandId(dataDir);
            if (!markerCommand.equals(Optional.of(discard.commandId()))) {
                String why = markerCommand.map(id -> "its restore marker names command '" + id + "'")
                        .orElse("it has no restore marker " + RestoreMarker.FILE);
                LOG.errorf("refusing to discard %s for restore '%s' (entry %s): %s; the directory and the entry "
                        + "are kept", dataDir, discard.commandId(), file, why);
                return new Result(file, Optional.of(dataDir), Outcome.REFUSED, why);
            }
            serverStop.stop(discard);
            DataDirectory.remove(dataDir);
            DataDirectory.remove(discard.spoolDir());
            Files.deleteIfExists(discard.logFile());
            discards.delete(file);
            LOG.infof("discarded the scratch server of restore '%s': stopped it and removed %s", discard.commandId(),
                    dataDir);
            return new Result(file, Optional.of(dataDir), Outcome.DISCARDED, "");
        } catch (IOException | RuntimeException e) {
            String why = e.getMessage() == null ? e.toString() : e.getMessage();
            LOG.warnf("discard of %s (restore '%s') failed, retried at the next check: %s", dataDir,
                    discard.commandId(), why);
            return new Result(file, Optional.of(dataDir), Outcome.FAILED, why);
        }
    }
}
