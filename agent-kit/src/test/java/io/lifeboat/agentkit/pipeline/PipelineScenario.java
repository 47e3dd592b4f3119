package io.lifeboat.agentkit.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import io.lifeboat.agentkit.crypto.LocalKeyFileMasterKey;
import io.lifeboat.agentkit.crypto.MasterKey;
import io.lifeboat.agentkit.storage.ArtifactLayout;
import io.lifeboat.agentkit.storage.ObjectStore;
import io.lifeboat.agentkit.storage.WriteOptions;
import io.lifeboat.events.Engine;
import io.lifeboat.events.backup.BackupType;

/** What every pipeline test shares: a store from the subclass, a local master key, 1 MiB parts. */
abstract class PipelineScenario {

    static final PipelineSettings SETTINGS = PipelineSettings.defaults().withPartSize(1 << 20).withZstd(3, 2);
    private static final AtomicInteger BACKUPS = new AtomicInteger();

    @TempDir
    Path keys;

    ObjectStore store;
    ArtifactLayout layout = new ArtifactLayout();
    MasterKey masterKey;
    ArtifactPipeline pipeline;
    String target;

    /** A fresh, empty store for each test. */
    abstract ObjectStore openStore() throws IOException;

    @BeforeEach
    void setUpPipeline() throws IOException {
        store = openStore();
        masterKey = LocalKeyFileMasterKey.openOrCreate(keys.resolve("master.json"));
        pipeline = new ArtifactPipeline(store, layout, masterKey, SETTINGS);
        target = "orders-" + BACKUPS.incrementAndGet();
    }

    @AfterEach
    void closeStore() throws IOException {
        store.close();
    }

    ArtifactSpec spec(String backupId) {
        return new ArtifactSpec(target, backupId, Engine.POSTGRES, BackupType.FULL, WriteOptions.HOT);
    }

    Manifest write(String backupId, byte[] data) throws IOException {
        try (ArtifactSink sink = pipeline.create(spec(backupId))) {
            OutputStream out = sink.stream();
            // Odd-sized writes, as engines produce them.
            for (int offset = 0; offset < data.length; offset += 65_537) {
                out.write(data, offset, Math.min(65_537, data.length - offset));
            }
            return sink.complete(Map.of("lsnStart", "0/3000028", "files", 3));
        }
    }

    byte[] restore(String backupId) throws IOException {
        try (InputStream in = pipeline.openForRestore(target, backupId)) {
            return in.readAllBytes();
        }
    }

    byte[] readObject(String key) throws IOException {
        try (InputStream in = store.open(key)) {
            return in.readAllBytes();
        }
    }

    /** Restoring must fail; returns the error for inspection. */
    Throwable restoreFailure(String backupId) {
        Throwable[] thrown = new Throwable[1];
        assertThatThrownBy(() -> restore(backupId)).satisfies(t -> thrown[0] = t);
        return thrown[0];
    }

    void assertStoreEmpty() throws IOException {
        assertThat(store.list("")).as("objects left in %s", store.location()).isEmpty();
    }
}
