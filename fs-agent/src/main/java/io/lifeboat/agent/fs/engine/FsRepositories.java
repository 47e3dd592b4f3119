package io.lifeboat.agent.fs.engine;

import java.io.IOException;
import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.lifeboat.agent.fs.chunk.ChunkerSettings;
import io.lifeboat.agent.fs.chunk.FastCdc;
import io.lifeboat.agent.fs.config.FsConfig;
import io.lifeboat.agent.fs.repo.Repository;
import io.lifeboat.agent.fs.repo.RepositoryLayout;
import io.lifeboat.agent.fs.repo.RepositoryLock;
import io.lifeboat.agent.fs.repo.RepositorySettings;
import io.lifeboat.agent.fs.repo.Sweep;
import io.lifeboat.agentkit.agent.config.AgentConfig;
import io.lifeboat.agentkit.crypto.MasterKey;
import io.lifeboat.agentkit.storage.ArtifactLayout;
import io.lifeboat.agentkit.storage.ObjectStore;
import io.lifeboat.agentkit.storage.WriteOptions;

/** Opens a target's chunk repository in the agent's object store, with the configured chunking and packing. */
@ApplicationScoped
public class FsRepositories {

    @Inject
    ObjectStore store;

    @Inject
    ArtifactLayout layout;

    @Inject
    MasterKey masterKey;

    @Inject
    AgentConfig agent;

    @Inject
    FsConfig config;

    /** The repository of {@code targetId}, created on first use; its index is loaded now. */
    public Repository open(String targetId) throws IOException {
        return Repository.open(store, layout, masterKey, targetId, options(), settings());
    }

    /**
     * Takes a shared lock on {@code targetId}'s repository for {@code owner}: sweeps wait while a backup runs, so
     * none deletes a chunk the backup has just decided to reuse.
     */
    public RepositoryLock lockShared(String targetId, String owner) throws IOException {
        return RepositoryLock.acquire(store, new RepositoryLayout(layout, targetId), RepositoryLock.Kind.SHARED,
                owner, settings().lockMaxAge(), Clock.systemUTC());
    }

    /** A mark and sweep of {@code targetId}'s repository, locking as {@code owner}. */
    public Sweep sweep(String targetId, String owner) {
        return new Sweep(store, layout, masterKey, targetId, options(), settings(), owner, Clock.systemUTC());
    }

    private WriteOptions options() {
        return WriteOptions.of(agent.storageClass());
    }

    private RepositorySettings settings() {
        FsConfig.Repository configured = config.repository();
        RepositorySettings defaults = RepositorySettings.DEFAULT;
        return new RepositorySettings(configured.zstdLevel(), configured.packSize(), defaults.uploadThreads(),
                defaults.packsInFlight(), defaults.repackThreshold(), configured.lockMaxAge());
    }

    /** The chunker every snapshot uses. */
    public FastCdc chunker() {
        FsConfig.Chunk chunk = config.chunk();
        return new FastCdc(new ChunkerSettings(chunk.minSize(), chunk.avgSize(), chunk.maxSize()));
    }
}
