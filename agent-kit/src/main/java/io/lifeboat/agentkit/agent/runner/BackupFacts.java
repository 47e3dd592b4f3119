package io.lifeboat.agentkit.agent.runner;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.lifeboat.agentkit.agent.BackupEngine;
import io.lifeboat.agentkit.agent.config.AgentConfig;
import io.lifeboat.agentkit.agent.domain.BackupIds;
import io.lifeboat.agentkit.pipeline.ArtifactProgress;
import io.lifeboat.agentkit.pipeline.Manifest;
import io.lifeboat.agentkit.storage.ArtifactLayout;
import io.lifeboat.agentkit.storage.StoreSettings;
import io.lifeboat.events.LifeboatMessage;
import io.lifeboat.events.backup.BackupCompleted;
import io.lifeboat.events.backup.BackupFailed;
import io.lifeboat.events.backup.BackupProgressed;
import io.lifeboat.events.backup.BackupStarted;
import io.lifeboat.events.backup.RunBackup;
import io.lifeboat.events.backup.StorageLocation;
import io.lifeboat.events.envelope.Envelope;

/**
 * Builds the facts of one backup as envelopes caused by its command (same correlation id, a span of its trace);
 * outcome facts get ids derived from the backup id, so a re-emitted outcome is the same CloudEvent.
 */
@ApplicationScoped
public class BackupFacts {

    @Inject
    BackupEngine engine;

    @Inject
    AgentConfig config;

    @Inject
    StoreSettings store;

    @Inject
    ArtifactLayout layout;

    /** The fact that the backup started reading its target. */
    public Envelope<BackupStarted> started(Envelope<RunBackup> command, String backupId, Instant startedAt) {
        RunBackup run = command.payload();
        return Envelope.causedBy(command, source(), new BackupStarted(backupId, run.targetId(), run.engine(),
                run.backupType(), run.commandId(), null, startedAt));
    }

    /** A progress report of a running backup. */
    public Envelope<BackupProgressed> progressed(Envelope<RunBackup> command, String backupId,
            ArtifactProgress progress) {
        return Envelope.causedBy(command, source(), new BackupProgressed(backupId, command.payload().targetId(),
                progress.rawBytes(), progress.storedBytes(), null, Instant.now()));
    }

    /** The completed fact, built from the stored manifest alone so that a re-emitted one says the same. */
    public Envelope<BackupCompleted> completed(Envelope<RunBackup> command, Manifest manifest) {
        RunBackup run = command.payload();
        Map<String, Object> meta = manifest.engineMetadata() == null ? Map.of() : manifest.engineMetadata();
        Object consistentAt = meta.get(BackupEngine.CONSISTENT_AT);
        String storageClass = store.driver() == StoreSettings.Driver.S3
                ? store.storageClassMapping().s3Class(manifest.storageClass())
                : manifest.storageClass().name();
        BackupCompleted completed = new BackupCompleted(manifest.backupId(), manifest.targetId(), manifest.engine(),
                manifest.type(), run.commandId(), text(meta, BackupEngine.BASE_BACKUP_ID), manifest.startedAt(),
                manifest.completedAt(),
                consistentAt == null ? manifest.completedAt() : Instant.parse(consistentAt.toString()),
                text(meta, BackupEngine.START_POSITION), text(meta, BackupEngine.END_POSITION), manifest.sizes().raw(),
                manifest.sizes().stored(), manifest.sha256(), location(manifest.targetId(), manifest.backupId()),
                storageClass, problems(meta));
        return outcome(command, BackupIds.completedEventId(manifest.backupId()), completed);
    }

    /** The failed fact; {@code reason} names target, backup and cause. */
    public Envelope<BackupFailed> failed(Envelope<RunBackup> command, String backupId, String step, String reason,
            boolean retryable) {
        RunBackup run = command.payload();
        return outcome(command, BackupIds.failedEventId(backupId), new BackupFailed(backupId, run.targetId(),
                run.commandId(), step, reason, retryable, Instant.now()));
    }

    /** Bucket (or local root) and key prefix of a backup's objects. */
    public StorageLocation location(String targetId, String backupId) {
        String keys = layout.backupPrefix(targetId, backupId);
        if (store.driver() == StoreSettings.Driver.S3) {
            return new StorageLocation(store.bucket(), store.prefix().isEmpty() ? keys : store.prefix() + "/" + keys);
        }
        return new StorageLocation(store.localRoot().toAbsolutePath().toString(), keys);
    }

    /** {@code urn:lifeboat:<agent>}, e.g. {@code urn:lifeboat:pg-agent}. */
    public URI source() {
        return Envelope.sourceOf(config.name().orElseGet(() -> switch (engine.engine()) {
            case POSTGRES -> "pg-agent";
            case REDIS -> "redis-agent";
            case MONGODB -> "mongo-agent";
            case FILESYSTEM -> "fs-agent";
        }));
    }

    private <T extends LifeboatMessage> Envelope<T> outcome(Envelope<RunBackup> command, String id, T payload) {
        return Envelope.causedBy(command, id, source(), payload);
    }

    private static List<String> problems(Map<String, Object> meta) {
        Object value = meta == null ? null : meta.get(BackupEngine.PROBLEMS);
        return value instanceof List<?> list ? list.stream().map(String::valueOf).toList() : null;
    }

    private static String text(Map<String, Object> meta, String key) {
        Object value = meta.get(key);
        return value == null ? null : value.toString();
    }
}
