package io.lifeboat.agent.fs.restore;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.lifeboat.agent.fs.engine.FsRepositories;
import io.lifeboat.agent.fs.repo.Repository;
import io.lifeboat.agent.fs.tree.RestoreOptions;
import io.lifeboat.agent.fs.tree.RestoreResult;
import io.lifeboat.agent.fs.tree.SnapshotTreeReader;
import io.lifeboat.agent.fs.tree.TreeFormatException;
import io.lifeboat.agent.fs.tree.TreeRestorer;
import io.lifeboat.agent.fs.tree.UnsafeEntryException;
import io.lifeboat.agentkit.agent.RestoreEngine;
import io.lifeboat.agentkit.pipeline.ArtifactPipeline;
import io.lifeboat.agentkit.pipeline.CorruptArtifactException;
import io.lifeboat.agentkit.pipeline.Manifest;
import io.lifeboat.events.backup.BackupType;
import io.lifeboat.events.backup.RestoreBackup;

/**
 * Restores a file snapshot (all of it, or a sub-path) into a directory on the agent's host: files with their
 * content read from the repository (chunks decoded ahead on one thread per core), directories, symlinks and hard
 * links, then modes, owners (when the agent runs as root) and mtimes. An entry that would escape the directory fails
 * the restore naming it; a directory that is not empty is refused unless the command allows overwriting.
 */
@ApplicationScoped
public class FsRestoreEngine implements RestoreEngine {

    private static final Logger LOG = Logger.getLogger(FsRestoreEngine.class);
    // Chunks are read, decrypted, decompressed and checked on this many threads while the restore writes files.
    private static final int READ_AHEAD_THREADS = Runtime.getRuntime().availableProcessors();

    @Inject
    ArtifactPipeline pipeline;

    @Inject
    FsRepositories repositories;

    @Override
    public Set<BackupType> replayableTypes() {
        return EnumSet.of(BackupType.FULL, BackupType.INCREMENTAL, BackupType.DIFFERENTIAL, BackupType.SNAPSHOT);
    }

    @Override
    public RestoreResult restore(RestoreBackup command, Manifest backup) throws Exception {
        if (command.targetPosition() != null || command.targetTransaction() != null || command.targetName() != null) {
            throw new RestoreFailure("recovery-target", "target '" + command.targetId() + "' is a directory tree: "
                    + "a restore reaches a snapshot (named, or the newest at or before a point in time); positions, "
                    + "transactions and named points are not recovery targets", false);
        }
        FsDestination destination;
        try {
            destination = FsDestination.parse(command.destination());
        } catch (IllegalArgumentException e) {
            throw new RestoreFailure("destination", e.getMessage(), false);
        }
        refuseOccupied(destination, command.overwrite());
        String what = "snapshot '" + backup.backupId() + "' of target '" + backup.targetId() + "'";
        io.lifeboat.agent.fs.tree.RestoreResult result;
        try (Repository repository = repositories.open(backup.targetId())) {
            result = restoreTree(repository, () -> pipeline.openForRestore(backup.targetId(), backup.backupId()),
                    new RestoreOptions(destination.directory(), destination.subPath(),
                            command.overwrite(), TreeRestorer.runningAsRoot()));
        } catch (UnsafeEntryException | TreeFormatException e) {
            throw new RestoreFailure("tree", what + " cannot be restored: " + e.getMessage(), false, e);
        } catch (CorruptArtifactException e) {
            throw new RestoreFailure("download", "unable to read " + what + ": " + e.getMessage(), false, e);
        } catch (NoSuchFileException e) {
            throw new RestoreFailure("destination", what + " has no entry '" + destination.subPath() + "'", false, e);
        } catch (IOException e) {
            throw new RestoreFailure("write", "unable to restore " + what + " into " + destination.directory()
                    + ": " + e.getMessage(), true, e);
        }
        LOG.infof("restored %s into %s%s: %d files (%d bytes), %d dirs, %d symlinks, %d hard links, %d skipped", what,
                destination.directory(), destination.subPath().isEmpty() ? "" : " (" + destination.subPath() + ")",
                result.files(), result.bytes(), result.dirs(), result.symlinks(), result.hardLinks(), result.skipped()
                        .size());
        result.skipped().forEach(p -> LOG.warnf("not restored: %s: %s", p.path(), p.reason()));
        return new RestoreResult(RestoreEngine.consistentAt(backup), null, result.bytes(), counts(result));
    }

    /** Opens the snapshot tree of the backup being restored (once for the restore, once for its read-ahead). */
    @FunctionalInterface
    public interface TreeSource {

        /** A new stream of the snapshot tree, from its first line. */
        InputStream open() throws IOException;
    }

    /**
     * Restores the snapshot tree from {@code tree} as {@code options} say, with file content read from
     * {@code repository} ahead of the writes on one thread per core; the restore's whole file-system side, without
     * the command's checks.
     */
    public static io.lifeboat.agent.fs.tree.RestoreResult restoreTree(Repository repository, TreeSource tree,
            RestoreOptions options) throws IOException {
        try (ReadAhead content = new ReadAhead(repository, tree.open(), options.subPath(), READ_AHEAD_THREADS);
                InputStream in = tree.open()) {
            return new TreeRestorer(content).restore(new SnapshotTreeReader(in), options);
        }
    }

    private static Map<String, Long> counts(io.lifeboat.agent.fs.tree.RestoreResult result) {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("files", result.files());
        counts.put("dirs", result.dirs());
        counts.put("symlinks", result.symlinks());
        counts.put("hardLinks", result.hardLinks());
        counts.put("skipped", (long) result.skipped().size());
        return counts;
    }

    private static void refuseOccupied(FsDestination destination, boolean overwrite) throws RestoreFailure {
        if (overwrite || !Files.exists(destination.directory(), LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (!Files.isDirectory(destination.directory(), LinkOption.NOFOLLOW_LINKS)) {
            throw new RestoreFailure("destination", "restore destination " + destination.directory() + " is not a "
                    + "directory", false);
        }
        try (Stream<?> children = Files.list(destination.directory())) {
            if (children.findAny().isPresent()) {
                throw new RestoreFailure("destination", "restore destination " + destination.directory()
                        + " is not empty; restore into an empty directory or set overwrite", false);
            }
        } catch (IOException e) {
            throw new RestoreFailure("destination", "unable to list restore destination " + destination
                    .directory() + ": " + e.getMessage(), true, e);
        }
    }

}
