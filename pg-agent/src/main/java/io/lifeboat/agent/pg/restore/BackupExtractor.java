package io.lifeboat.agent.pg.restore;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;

import io.lifeboat.agent.pg.engine.PgTarget;
import io.lifeboat.agentkit.agent.RestoreEngine.RestoreFailure;
import io.lifeboat.agentkit.pipeline.ArtifactPipeline;
import io.lifeboat.agentkit.pipeline.CorruptArtifactException;
import io.lifeboat.agentkit.pipeline.Manifest;

/**
 * Streams a FULL backup's tar out of the artifact pipeline (every part's checksum and every AEAD segment checked
 * on the way) into {@code tar -x}, run as the server's OS account, without a local copy of the artifact.
 */
final class BackupExtractor {

    private BackupExtractor() {
    }

    /** Extracts {@code backup} into the empty {@code dataDir}; returns the raw bytes written. */
    static long extract(ArtifactPipeline pipeline, PgTarget target, Manifest backup, Path dataDir)
            throws IOException, InterruptedException, RestoreFailure {
        long[] count = new long[1];
        try (InputStream artifact = pipeline.openForRestore(backup.targetId(), backup.backupId());
                InputStream counted = new FilterInputStream(artifact) {
                    @Override
                    public int read(byte[] b, int off, int len) throws IOException {
                        int n = super.read(b, off, len);
                        if (n > 0) {
                            count[0] += n;
                        }
                        return n;
                    }
                }) {
            new OsCommand(target.osUser(), List.of("tar", "-x", "-f", "-", "-C", dataDir.toString())).run(counted);
        } catch (CorruptArtifactException e) {
            throw new RestoreFailure("download", "backup '" + backup.backupId() + "' of target '"
                    + backup.targetId() + "' cannot be read: " + e.getMessage(), false, e);
        } catch (IOException e) {
            throw new RestoreFailure("extract", "unable to extract backup '" + backup.backupId() + "' into "
                    + dataDir + ": " + e.getMessage(), true, e);
        }
        return count[0];
    }
}
