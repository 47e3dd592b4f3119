package io.lifeboat.agent.fs.repo;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

import io.lifeboat.agentkit.crypto.LocalKeyFileMasterKey;
import io.lifeboat.agentkit.crypto.MasterKey;
import io.lifeboat.agentkit.storage.ArtifactLayout;
import io.lifeboat.agentkit.storage.LocalObjectStore;
import io.lifeboat.agentkit.storage.WriteOptions;

/** A local object store and master key in a temp folder, and helpers to fill a repository. */
final class RepoFixture implements AutoCloseable {

    static final String TARGET = "docs";
    static final RepositorySettings SETTINGS = RepositorySettings.DEFAULT.withPackSize(64 * 1024);

    final Path root;
    final LocalObjectStore store;
    final MasterKey masterKey;
    final ArtifactLayout layout = new ArtifactLayout();
    final RepositoryLayout repoLayout = new RepositoryLayout(layout, TARGET);

    RepoFixture(Path tmp) throws IOException {
        this.root = tmp.resolve("store");
        this.store = new LocalObjectStore(root);
        this.masterKey = LocalKeyFileMasterKey.openOrCreate(tmp.resolve("master.key"));
    }

    Repository open() throws IOException {
        return open(SETTINGS);
    }

    Repository open(RepositorySettings settings) throws IOException {
        return Repository.open(store, layout, masterKey, TARGET, WriteOptions.HOT, settings);
    }

    /** Adds {@code count} random chunks of 1..20 KiB (half of each compressible) and returns them by id. */
    static Map<ChunkId, byte[]> addRandom(Repository repository, int count, long seed) throws IOException {
        Map<ChunkId, byte[]> added = new LinkedHashMap<>();
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < count; i++) {
            byte[] chunk = new byte[1024 + random.nextInt(19 * 1024)];
            for (int j = 0; j < chunk.length / 2; j++) {
                chunk[j] = (byte) random.nextInt();
            }
            ChunkId id = repository.id(chunk, 0, chunk.length);
            repository.add(id, chunk, 0, chunk.length);
            added.put(id, chunk);
        }
        repository.flush();
        return added;
    }

    @Override
    public void close() {
        store.close();
    }
}
