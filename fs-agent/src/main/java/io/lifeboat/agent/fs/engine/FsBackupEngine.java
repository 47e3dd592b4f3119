package io.lifeboat.agent.fs.engine;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

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

    /** Backup types this engine takes: all snapshots, told apart only by whether unchanged files are read. */
    static final Set<BackupType> TYPES = EnumSet.of(BackupType.FULL, BackupType.INCREMENTAL, BackupType.DIFFERENTIAL,
            BackupType.SNAPSHOT);

    @Inject
    FsTargets targets;

    @Inject
    FsRepositories repositories;

    @Inject
    ArtifactPipeline pipeline;

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
        SnapshotSummary summary;
        try (RepositoryLock lock = repositories.lockShared(target.id(), BackupIds.backupId(command));
                Repository repository = repositories.open(target.id())) {
            summary = new FsSnapshotter(target, repository, repositories::chunker, cache).snapshot(out);
        }
        FsSnapshotter.log(target, summary);
        Map<String, Object> metadata = summary.metadata();
        parent.ifPresent(p -> metadata.put("parentSnapshot", p.backupId()));
        return metadata;
    }

    private ChangeCache cache(Manifest previous) throws Exception {
        try (InputStream in = pipeline.openForRestore(previous.targetId(), previous.backupId())) {
            return ChangeCache.from(new SnapshotTreeReader(in));
        }
    }
}
