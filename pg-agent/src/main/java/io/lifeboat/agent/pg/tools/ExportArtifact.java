package io.lifeboat.agent.pg.tools;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Optional;

import io.lifeboat.agentkit.crypto.MasterKeySettings;
import io.lifeboat.agentkit.crypto.MasterKeys;
import io.lifeboat.agentkit.pipeline.ArtifactPipeline;
import io.lifeboat.agentkit.pipeline.PipelineSettings;
import io.lifeboat.agentkit.storage.ArtifactLayout;
import io.lifeboat.agentkit.storage.ObjectStore;
import io.lifeboat.agentkit.storage.ObjectStores;
import io.lifeboat.agentkit.storage.StoreSettings;

/**
 * Writes the raw bytes of one stored backup (a {@code pg_dump -Fc} file or a base-backup tar) to standard output,
 * verified and decrypted with the master key, so that stock PostgreSQL tools can restore it without the agent:
 * {@code ExportArtifact <targetId> <backupId> > file.dump}.
 *
 * <p>
 * Reads the local store root and key file from {@code -Dlifeboat.agent.store.local-root} /
 * {@code LIFEBOAT_STORE_ROOT} and {@code -Dlifeboat.agent.key.file} / {@code LIFEBOAT_MASTER_KEY_FILE}, with the
 * agent's defaults.
 */
public final class ExportArtifact {

    private ExportArtifact() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: ExportArtifact <targetId> <backupId> > file");
            System.exit(2);
        }
        Path root = Path.of(setting("lifeboat.agent.store.local-root", "LIFEBOAT_STORE_ROOT", "/.lifeboat/store"));
        Path key = Path.of(setting("lifeboat.agent.key.file", "LIFEBOAT_MASTER_KEY_FILE", "/.lifeboat/master.key"));
        try {
            long bytes = export(root, key, args[0], args[1], System.out);
            System.err.println("wrote " + bytes + " bytes of backup '" + args[1] + "' of target '" + args[0] + "'");
        } catch (IOException e) {
            System.err.println("unable to export backup '" + args[1] + "' of target '" + args[0] + "': " + e);
            System.exit(1);
        }
    }

    /** Copies the restored bytes of {@code backupId} into {@code out}; returns how many. */
    public static long export(Path storeRoot, Path keyFile, String targetId, String backupId, OutputStream out)
            throws IOException {
        try (ObjectStore store = ObjectStores.create(StoreSettings.local(storeRoot))) {
            ArtifactPipeline pipeline = new ArtifactPipeline(store, new ArtifactLayout(Optional.empty()),
                    MasterKeys.fromSettings(MasterKeySettings.localFile(keyFile)), PipelineSettings.defaults());
            try (InputStream in = pipeline.openForRestore(targetId, backupId)) {
                long bytes = in.transferTo(out);
                out.flush();
                return bytes;
            }
        }
    }

    private static String setting(String property, String env, String underHome) {
        String value = System.getProperty(property, System.getenv(env));
        return value != null ? value : System.getProperty("user.home") + underHome;
    }
}
