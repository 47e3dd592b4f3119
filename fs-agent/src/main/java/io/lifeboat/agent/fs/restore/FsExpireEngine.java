package io.lifeboat.agent.fs.restore;

import java.io.InputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.lifeboat.agent.fs.engine.FsRepositories;
import io.lifeboat.agent.fs.repo.ChunkId;
import io.lifeboat.agent.fs.repo.SweepResult;
import io.lifeboat.agent.fs.tree.Node;
import io.lifeboat.agent.fs.tree.SnapshotTreeReader;
import io.lifeboat.agentkit.agent.ExpireEngine;
import io.lifeboat.agentkit.agent.domain.BackupIds;
import io.lifeboat.agentkit.pipeline.ArtifactPipeline;
import io.lifeboat.agentkit.pipeline.Manifest;
import io.lifeboat.events.backup.ExpireBackups;

/**
 * After expired snapshots are deleted, reclaims the chunks no remaining snapshot references (mark: read every
 * remaining tree; sweep: under the repository's exclusive lock, which waits for no backup but refuses while one
 * holds its shared lock).
 */
@ApplicationScoped
public class FsExpireEngine implements ExpireEngine {

    private static final Logger LOG = Logger.getLogger(FsExpireEngine.class);

    @Inject
    ArtifactPipeline pipeline;

    @Inject
    FsRepositories repositories;

    @Override
    public long reclaim(ExpireBackups command, List<Manifest> remaining) throws Exception {
        Set<ChunkId> referenced = new HashSet<>();
        for (Manifest manifest : remaining) {
            try (InputStream in = pipeline.openForRestore(manifest.targetId(), manifest.backupId())) {
                SnapshotTreeReader reader = new SnapshotTreeReader(in);
                Optional<Node> next;
                while ((next = reader.next()).isPresent()) {
                    next.get().chunks().forEach(chunk -> referenced.add(ChunkId.parse(chunk)));
                }
            }
        }
        SweepResult result = repositories.sweep(command.targetId(), BackupIds.expireId(command)).sweep(referenced);
        LOG.infof("reclaimed the chunks of target '%s' no remaining snapshot references (%d snapshots, %d chunks "
                + "referenced): %d chunks removed, %d bytes, %d packs deleted, %d rewritten", command.targetId(),
                remaining.size(), referenced.size(), result.chunksRemoved(), result.bytesReclaimed(), result
                        .packsDeleted(),
                result.packsRewritten());
        return result.bytesReclaimed();
    }
}
