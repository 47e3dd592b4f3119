package io.lifeboat.agent.fs.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.lifeboat.agent.fs.config.FsTarget;
import io.lifeboat.agent.fs.config.FsTargets;
import io.lifeboat.agent.fs.repo.Repository;
import io.lifeboat.agent.fs.repo.RepositoryLock;
import io.lifeboat.agent.fs.tree.ChangeCache;
import io.lifeboat.agent.fs.tree.SnapshotTreeReader;
import io.lifeboat.agentkit.agent.BackupEngine;
import io.lifeboat.agentkit.agent.RestoreEngine;
import io.lifeboat.agentkit.agent.domain.BackupIds;
import io.lifeboat.agentkit.pipeline.ArtifactPipeline;
import io.lifeboat.agentkit.pipeline.Manifest;
import io.lifeboat.events.Engine;
import io.lifeboat.events.backup.BackupType;
import io.lifeboat.events.backup.RunBackup;

/**
 * The fs-agent's engine adapter: every backup is a deduplicated snapshot (each one restores on its own; only new
 * chunks are stored). {@code FULL} reads every file; {@code INCREMENTAL}, {@code DIFFERENTIAL} and {@code SNAPSHOT}
 * skip files the newest snapshot saw with the same size, mtime and inode. The snapshot tree is the backup's artifact.
 */
@ApplicationScoped
public class FsBackupEngine implements BackupEngine {

    private static final Logger LOG = Logger.getLogger(FsBackupEngine.class);

    /** Backup types this engine takes: all snapshots, told apart only by whether unchanged files are read. */
    static final Set<BackupType> TYPES = EnumSet.of(BackupType.FULL, BackupType.INCREMENTAL, BackupType.DIFFERENTIAL,
            BackupType.SNAPSHOT);

    @Inject
    FsTargets targets;

    @Inject
    FsRepositories repositories;

    @Inject
    ArtifactPipeline pipeline;

    private final Map<String, RepositoryLock> locks = new ConcurrentHashMap<>();

    @Override
    public Engine engine() {
        return Engine.FILESYSTEM;
    }

    @Override
    public Map<String, Object> backup(RunBackup command, OutputStream out) throws Exception {
        if (!TYPES.contains(command.backupType())) {
            throw new UnsupportedOperationException("backup type " + command.backupType() + " of target '"
                    + command.targetId() + "' is not supported by the fs-agent (FULL, INCREMENTAL, DIFFERENTIAL, "
                    + "SNAPSHOT: a deduplicated snapshot)");
        }
        FsTarget target = targets.get(command.targetId());
        Optional<Manifest> parent = command.backupType() == BackupType.FULL
                ? Optional.empty()
                : pipeline.manifests(target.id()).stream().max(Comparator.comparing(RestoreEngine::consistentAt));
        ChangeCache cache = parent.isPresent() ? cache(parent.get()) : ChangeCache.empty();
        String backupId = BackupIds.backupId(command);
        // Held until the manifest is written (streamEnded): a sweep in between would not see the new snapshot.
        RepositoryLock lock = repositories.lockShared(target.id(), backupId);
        locks.put(backupId, lock);
        SnapshotSummary summary;
        try (Repository repository = repositories.open(target.id())) {
            summary = new FsSnapshotter(target, repository, repositories::chunker, cache).snapshot(out);
        } catch (Exception | Error e) {
            release(backupId);
            throw e;
        }
        FsSnapshotter.log(target, summary);
        Map<String, Object> metadata = summary.metadata();
        parent.ifPresent(p -> metadata.put("parentSnapshot", p.backupId()));
        return metadata;
    }

    @Override
    public void streamEnded(RunBackup command, String backupId) {
        release(backupId);
    }

    private void release(String backupId) {
        RepositoryLock lock = locks.remove(backupId);
        if (lock == null) {
            return;
        }
        try {
            lock.close();
        } catch (IOException e) {
            LOG.warnf("unable to release the repository lock '%s' of backup '%s' (ignored after "
                    + "lifeboat.fs.repository.lock-max-age): %s", lock.key(), backupId, e.getMessage());
        }
    }

    private ChangeCache cache(Manifest previous) throws Exception {
        try (InputStream in = pipeline.openForRestore(previous.targetId(), previous.backupId())) {
            return ChangeCache.from(new SnapshotTreeReader(in));
        }
    }
}
