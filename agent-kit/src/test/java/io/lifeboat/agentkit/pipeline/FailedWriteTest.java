package io.lifeboat.agentkit.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.lifeboat.agentkit.crypto.LocalKeyFileMasterKey;
import io.lifeboat.agentkit.storage.ArtifactLayout;
import io.lifeboat.agentkit.storage.LocalObjectStore;
import io.lifeboat.agentkit.storage.ObjectStore;
import io.lifeboat.agentkit.storage.WriteOptions;
import io.lifeboat.events.Engine;
import io.lifeboat.events.backup.BackupType;

/** A store that fails mid-write: the error names the backup, the part and the cause, and nothing is left behind. */
class FailedWriteTest {

    private static final ArtifactSpec SPEC = new ArtifactSpec("cache", "rdb-1", Engine.REDIS, BackupType.SNAPSHOT,
            WriteOptions.HOT);

    @TempDir
    Path dir;

    private ArtifactPipeline pipeline(ObjectStore store) throws IOException {
        return new ArtifactPipeline(store, new ArtifactLayout(),
                LocalKeyFileMasterKey.openOrCreate(dir.resolve("key.json")), PipelineScenario.SETTINGS);
    }

    @Test
    void deletesStoredPartsWhenALaterPartFailsToUpload() throws IOException {
        try (ObjectStore local = new LocalObjectStore(dir.resolve("store"))) {
            ArtifactPipeline pipeline = pipeline(new FailingStore(local, "part-000003"));

            assertThatThrownBy(() -> {
                try (ArtifactSink sink = pipeline.create(SPEC)) {
                    sink.stream().write(TestData.noise(5_000_000, 21));
                    sink.complete(Map.of());
                }
            }).isInstanceOf(IOException.class).hasMessageContaining("part 'cache/rdb-1/data/part-000003'")
                    .hasMessageContaining("backup 'rdb-1' of target 'cache'")
                    .hasMessageContaining("connection reset by peer");

            assertThat(local.list("")).isEmpty();
        }
    }

    @Test
    void deletesEveryPartWhenTheManifestCannotBeWritten() throws IOException {
        try (ObjectStore local = new LocalObjectStore(dir.resolve("store"))) {
            ArtifactPipeline pipeline = pipeline(new FailingStore(local, "manifest.json"));

            assertThatThrownBy(() -> {
                try (ArtifactSink sink = pipeline.create(SPEC)) {
                    sink.stream().write(TestData.noise(2_500_000, 22));
                    sink.complete(Map.of());
                }
            }).isInstanceOf(IOException.class)
                    .hasMessage("unable to complete backup 'rdb-1' of target 'cache': access denied");

            assertThat(local.list("")).isEmpty();
            assertThat(pipeline.manifest("cache", "rdb-1")).isEmpty();
        }
    }
}
