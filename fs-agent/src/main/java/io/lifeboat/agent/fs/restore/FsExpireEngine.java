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
 * After expired snapshots are deleted, reclaims the chunks no remaining snapshot references: under the repository's
 * exclusive lock (refused while a backup holds its shared lock, which it keeps until its manifest is written), lists
 * the remaining snapshots and reads their trees (mark), then removes the rest (sweep).
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
        int[] snapshots = {0};
        Set<ChunkId> referenced = new HashSet<>();
        SweepResult result = repositories.sweep(command.targetId(), BackupIds.expireId(command)).sweep(() -> {
            // Listed again under the exclusive lock: a snapshot stored since the skeleton's listing is kept too.
            List<Manifest> manifests = pipeline.manifests(command.targetId());
            snapshots[0] = manifests.size();
            for (Manifest manifest : manifests) {
                mark(manifest, referenced);
            }
            return referenced;
        });
        LOG.infof("reclaimed the chunks of target '%s' no remaining snapshot references (%d snapshots, %d chunks "
                + "referenced): %d chunks removed, %d bytes, %d packs deleted, %d rewritten", command.targetId(),
                snapshots[0], referenced.size(), result.chunksRemoved(), result.bytesReclaimed(), result
                        .packsDeleted(),
                result.packsRewritten());
        return result.bytesReclaimed();
    }

    private void mark(Manifest manifest, Set<ChunkId> referenced) throws java.io.IOException {
        try (InputStream in = pipeline.openForRestore(manifest.targetId(), manifest.backupId())) {
            SnapshotTreeReader reader = new SnapshotTreeReader(in);
            Optional<Node> next;
            while ((next = reader.next()).isPresent()) {
                next.get().chunks().forEach(chunk -> referenced.add(ChunkId.parse(chunk)));
            }
        }
    }
}
