package io.lifeboat.cli.chaos.store;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Optional;

import io.lifeboat.agentkit.pipeline.ArtifactPipeline;
import io.lifeboat.agentkit.pipeline.PipelineSettings;
import io.lifeboat.agentkit.storage.ArtifactLayout;
import io.lifeboat.agentkit.storage.ObjectInfo;
import io.lifeboat.agentkit.storage.ObjectStore;
import io.lifeboat.agentkit.storage.ObjectStores;
import io.lifeboat.agentkit.storage.StoreSettings;

/**
 * Looks in the store, through the agents' own storage code, at what a failed backup left: it must not have a
 * manifest (it would look complete), and should have no parts either (the agent aborts and removes them).
 */
final class FailedBackupCheck implements AutoCloseable {

    private final ObjectStore store;
    private final ArtifactLayout layout = new ArtifactLayout();
    private final ArtifactPipeline pipeline;

    FailedBackupCheck(URI endpoint, String bucket) throws IOException {
        this.store = ObjectStores.create(StoreSettings.s3(bucket).withEndpoint(endpoint, true).withCredentials(
                FaultyS3Server.REGION, FaultyS3Server.ACCESS_KEY, FaultyS3Server.SECRET_KEY));
        // Manifests are not encrypted: no master key is needed to look for one.
        this.pipeline = new ArtifactPipeline(store, layout, null, PipelineSettings.defaults());
    }

    /** What is wrong with what the failed backup left, or empty when it left nothing. */
    Optional<String> leftovers(String target, String backupId) throws IOException {
        if (pipeline.manifest(target, backupId).isPresent()) {
            return Optional.of("failed backup " + backupId + " of " + target + " has a manifest: it looks complete");
        }
        List<ObjectInfo> objects = store.list(layout.backupPrefix(target, backupId));
        if (!objects.isEmpty()) {
            return Optional.of("failed backup " + backupId + " of " + target + " left " + objects.size()
                    + " objects without a manifest, e.g. " + objects.get(0).key());
        }
        return Optional.empty();
    }

    @Override
    public void close() throws IOException {
        store.close();
    }
}
