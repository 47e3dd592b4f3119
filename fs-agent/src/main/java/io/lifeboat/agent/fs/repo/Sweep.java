package io.lifeboat.agent.fs.repo;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.lifeboat.agentkit.crypto.MasterKey;
import io.lifeboat.agentkit.storage.ArtifactLayout;
import io.lifeboat.agentkit.storage.ObjectInfo;
import io.lifeboat.agentkit.storage.ObjectStore;
import io.lifeboat.agentkit.storage.WriteOptions;

/**
 * Mark and sweep of a chunk repository under its exclusive lock: given the chunks every kept snapshot references,
 * deletes packs with nothing referenced, rewrites packs with some unreferenced share above the threshold (live blobs
 * copied as they are into new packs), and deletes packs that have no index.
 */
public final class Sweep {

    private final ObjectStore store;
    private final ArtifactLayout layout;
    private final MasterKey masterKey;
    private final String targetId;
    private final WriteOptions options;
    private final RepositorySettings settings;
    private final String owner;
    private final Clock clock;

    /** A sweep of {@code targetId}'s repository that locks as {@code owner}. */
    public Sweep(ObjectStore store, ArtifactLayout layout, MasterKey masterKey, String targetId, WriteOptions options,
            RepositorySettings settings, String owner, Clock clock) {
        this.store = store;
        this.layout = layout;
        this.masterKey = masterKey;
        this.targetId = targetId;
        this.options = options;
        this.settings = settings;
        this.owner = owner;
        this.clock = clock;
    }

    /** The mark phase: the chunks every remaining snapshot references, read while the sweep holds its lock. */
    @FunctionalInterface
    public interface Mark {
        /** Every chunk id a remaining snapshot references. */
        Set<ChunkId> referenced() throws IOException;
    }

    /**
     * Removes every stored chunk not in {@code referenced}; refuses with {@link RepositoryLockedException} while a
     * backup holds a fresh shared lock.
     */
    public SweepResult sweep(Set<ChunkId> referenced) throws IOException {
        return sweep(() -> referenced);
    }

    /**
     * Takes the exclusive lock, then marks (so that no snapshot stored before the lock is missed, and none can start
     * until the sweep ends) and removes every stored chunk the mark does not reference; refuses with
     * {@link RepositoryLockedException} while a backup holds a fresh shared lock.
     */
    public SweepResult sweep(Mark mark) throws IOException {
        RepositoryLayout repoLayout = new RepositoryLayout(layout, targetId);
        try (RepositoryLock lock = RepositoryLock.acquire(store, repoLayout, RepositoryLock.Kind.EXCLUSIVE, owner,
                settings.lockMaxAge(), clock)) {
            Set<ChunkId> referenced = mark.referenced();
            try (Repository repository = Repository.open(store, layout, masterKey, targetId, options, settings)) {
                return new Pass(repository, referenced).run();
            }
        }
    }

    /** One sweep over every pack; keeps its counters. */
    private static final class Pass {
        private final Repository repository;
        private final RepositoryLayout layout;
        private final Set<ChunkId> referenced;
        private final List<String> awaitingDelete = new ArrayList<>();
        private PackWriter writer;
        private long chunksRemoved;
        private long bytesReclaimed;
        private int packsDeleted;
        private int packsRewritten;

        Pass(Repository repository, Set<ChunkId> referenced) {
            this.repository = repository;
            this.layout = repository.layout();
            this.referenced = referenced;
        }

        SweepResult run() throws IOException {
            Map<String, Long> sizes = new HashMap<>();
            for (ObjectInfo info : repository.store().list(layout.packPrefix())) {
                layout.packIdOfPack(info.key()).ifPresent(id -> sizes.put(id, info.size()));
            }
            Set<String> indexed = new LinkedHashSet<>();
            for (ObjectInfo info : repository.store().list(layout.indexPrefix())) {
                layout.packIdOfIndex(info.key()).ifPresent(indexed::add);
            }
            Map<ChunkId, ChunkLocation> keeper = repository.index();
            for (String packId : indexed) {
                sweepPack(packId, sizes.getOrDefault(packId, 0L), keeper);
            }
            if (writer != null && !writer.isEmpty()) {
                storeWriter();
            }
            deleteAwaiting();
            for (Map.Entry<String, Long> pack : sizes.entrySet()) {
                if (!indexed.contains(pack.getKey())) {
                    repository.store().delete(layout.pack(pack.getKey()));
                    packsDeleted++;
                    bytesReclaimed += pack.getValue();
                }
            }
            return new SweepResult(chunksRemoved, bytesReclaimed, packsDeleted, packsRewritten);
        }

        private void sweepPack(String packId, long packSize, Map<ChunkId, ChunkLocation> keeper) throws IOException {
            List<PackEntry> entries = repository.reader().readIndex(packId);
            List<PackEntry> live = new ArrayList<>();
            long deadBytes = 0;
            long allBytes = 0;
            for (PackEntry entry : entries) {
                allBytes += entry.length();
                ChunkLocation kept = keeper.get(entry.chunkId());
                // A chunk stored twice (two writers at once) lives on in the copy the index kept.
                boolean isKeeper = kept != null && kept.packId().equals(packId) && kept.offset() == entry.offset();
                if (referenced.contains(entry.chunkId()) && isKeeper) {
                    live.add(entry);
                } else {
                    deadBytes += entry.length();
                }
            }
            int dead = entries.size() - live.size();
            if (dead == 0) {
                return;
            }
            if (live.isEmpty()) {
                deletePack(packId);
                packsDeleted++;
                chunksRemoved += dead;
                bytesReclaimed += packSize;
                return;
            }
            // With the default threshold 0 any garbage triggers a rewrite, so exactly the unreferenced chunks go.
            if ((double) deadBytes / allBytes <= repository.settings().repackThreshold()) {
                return;
            }
            byte[] bytes = repository.reader().readPack(packId);
            if (writer == null) {
                writer = new PackWriter(repository.settings().packSize());
            }
            long liveBytes = 0;
            for (PackEntry entry : live) {
                writer.add(entry.chunkId(), bytes, entry.offset(), entry.length(), entry.rawLength());
                liveBytes += entry.length();
            }
            awaitingDelete.add(packId);
            packsRewritten++;
            chunksRemoved += dead;
            bytesReclaimed += packSize - liveBytes;
            if (writer.isFull()) {
                storeWriter();
                deleteAwaiting();
            }
        }

        // The old packs are deleted only after the new pack holding their live chunks and its index are stored.
        private void storeWriter() throws IOException {
            writer.store(repository.store(), layout, repository.codec(), repository.options());
            writer = null;
        }

        private void deleteAwaiting() throws IOException {
            for (String packId : awaitingDelete) {
                deletePack(packId);
            }
            awaitingDelete.clear();
        }

        // Index first: a crash in between leaves a pack without index (swept next time), never a dangling index.
        private void deletePack(String packId) throws IOException {
            repository.store().delete(layout.index(packId));
            repository.store().delete(layout.pack(packId));
        }
    }
}
