package io.lifeboat.agent.pg.restore;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.lifeboat.agentkit.agent.RestoreEngine.RestoreResult;
import io.lifeboat.agentkit.pipeline.Manifest;
import io.lifeboat.agentkit.storage.StorageClass;
import io.lifeboat.events.Engine;
import io.lifeboat.events.backup.BackupType;
import io.lifeboat.events.backup.RestoreBackup;

class RestoreMarkerTest {

    private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");

    @TempDir
    Path dir;

    @Test
    void theSameCommandAndAttemptFindTheResultAnotherCommandOrAttemptDoesNot() throws Exception {
        RestoreResult result = new RestoreResult(NOW.minusSeconds(30), "0/3000060", 123_456);
        RestoreMarker.write(restore("c-1", 1), backup(), dir, result);

        assertThat(Files.exists(dir.resolve(RestoreMarker.FILE))).isTrue();
        assertThat(RestoreMarker.read(restore("c-1", 1), dir)).contains(result);
        assertThat(RestoreMarker.read(restore("c-1", 2), dir)).isEmpty();
        assertThat(RestoreMarker.read(restore("c-2", 1), dir)).isEmpty();
        assertThat(RestoreMarker.read(restore("c-1", 1), dir.resolve("elsewhere"))).isEmpty();
    }

    private static RestoreBackup restore(String commandId, int attempt) {
        return new RestoreBackup(commandId, "orders", Engine.POSTGRES, "bk-1", null, null, null, null, true, null,
                "/srv/x", false, "test", null, attempt);
    }

    private static Manifest backup() {
        return new Manifest(Manifest.FORMAT_VERSION, "bk-1", "orders", Engine.POSTGRES, BackupType.FULL,
                new Manifest.Sizes(1, 1, 1), List.of(), "00", Manifest.SHA256_OF_PART_DIGESTS,
                new Manifest.Compression("zstd", 3), new Manifest.Encryption("s", "t", "k", "w"), StorageClass.HOT,
                NOW, NOW, Map.of());
    }
}
