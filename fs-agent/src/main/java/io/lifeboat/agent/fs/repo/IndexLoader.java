package io.lifeboat.agent.fs.repo;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

import io.lifeboat.agentkit.storage.ObjectInfo;
import io.lifeboat.agentkit.storage.ObjectStore;

/** Reads every index object of a repository, in parallel, into the in-memory index. */
final class IndexLoader {

    private IndexLoader() {
    }

    /** Puts every indexed chunk into {@code index}; of two copies of a chunk, the one in the first index key wins. */
    static void load(ObjectStore store, RepositoryLayout layout, PackReader reader, ExecutorService threads,
            Map<ChunkId, ChunkLocation> index) throws IOException {
        List<String> packIds = new ArrayList<>();
        List<Future<List<PackEntry>>> reads = new ArrayList<>();
        for (ObjectInfo info : store.list(layout.indexPrefix())) {
            layout.packIdOfIndex(info.key()).ifPresent(packId -> {
                packIds.add(packId);
                reads.add(threads.submit(() -> reader.readIndex(packId)));
            });
        }
        for (int i = 0; i < reads.size(); i++) {
            String packId = packIds.get(i);
            try {
                for (PackEntry entry : reads.get(i).get()) {
                    index.putIfAbsent(entry.chunkId(), ChunkLocation.of(packId, entry));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while loading the index of " + store.location());
            } catch (ExecutionException e) {
                throw new IOException("unable to load index '" + layout.index(packId) + "' from " + store.location()
                        + ": " + e.getCause().getMessage(), e.getCause());
            }
        }
    }
}
