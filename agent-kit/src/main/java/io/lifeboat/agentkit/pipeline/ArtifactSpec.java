package io.lifeboat.agentkit.pipeline;

import java.util.Objects;

import io.lifeboat.agentkit.storage.WriteOptions;
import io.lifeboat.events.Engine;
import io.lifeboat.events.backup.BackupType;

/**
 * What one backup's artifact is: whose it is, what produced it and how its objects are stored.
 *
 * @param targetId the target the backup protects
 * @param backupId the backup's id, unique within the target
 * @param engine the engine that produces the raw bytes
 * @param type how the backup copies its target
 * @param writeOptions storage class and retention of every object of the artifact
 */
public record ArtifactSpec(String targetId, String backupId, Engine engine, BackupType type,
        WriteOptions writeOptions) {

    /** Requires every field. */
    public ArtifactSpec {
        Objects.requireNonNull(targetId, "ArtifactSpec.targetId");
        Objects.requireNonNull(backupId, "ArtifactSpec.backupId");
        Objects.requireNonNull(engine, "ArtifactSpec.engine");
        Objects.requireNonNull(type, "ArtifactSpec.type");
        Objects.requireNonNull(writeOptions, "ArtifactSpec.writeOptions");
    }

    /** For messages: {@code backup 'b' of target 't'}. */
    public String describe() {
        return Names.backup(targetId, backupId);
    }
}
