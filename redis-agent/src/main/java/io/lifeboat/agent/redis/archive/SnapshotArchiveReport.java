package io.lifeboat.agent.redis.archive;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.lifeboat.agent.redis.config.RedisTargets;
import io.lifeboat.agent.redis.engine.RedisAdmin;
import io.lifeboat.agent.redis.engine.RedisInfo;
import io.lifeboat.agent.redis.engine.SnapshotMetadata;
import io.lifeboat.agentkit.agent.BackupStored;
import io.lifeboat.agentkit.agent.RestoreEngine;
import io.lifeboat.agentkit.agent.messaging.FactPublisher;
import io.lifeboat.agentkit.agent.runner.BackupFacts;
import io.lifeboat.agentkit.pipeline.Manifest;
import io.lifeboat.events.Engine;
import io.lifeboat.events.archive.ArchiveProgressed;
import io.lifeboat.events.envelope.Envelope;

/**
 * Publishes {@link ArchiveProgressed} after each stored snapshot: Lifeboat archives no Redis log (an AOF stays on
 * the server's disk), so what is restorable ends at the newest snapshot and the RPO is bounded by the snapshot
 * interval. The archived point is the snapshot's fork time; the head is the source's replication offset and the
 * wall clock when the report is made, so the catalog's lag is the snapshot's age, growing until the next one.
 */
@ApplicationScoped
public class SnapshotArchiveReport {

    private static final Logger LOG = Logger.getLogger(SnapshotArchiveReport.class);

    @Inject
    RedisTargets targets;

    @Inject
    FactPublisher publisher;

    @Inject
    BackupFacts facts;

    void stored(@Observes BackupStored stored) {
        Manifest manifest = stored.manifest();
        if (!targets.contains(manifest.targetId())) {
            return;
        }
        ArchiveProgressed progress = progress(manifest, headOffset(manifest.targetId()), Instant.now());
        publisher.publishLater(Envelope.of(facts.source(), progress));
    }

    /** The report for {@code manifest}; {@code headOffset} null when the source could not be asked. */
    ArchiveProgressed progress(Manifest manifest, String headOffset, Instant now) {
        String archived = SnapshotMetadata.replicationOffset(manifest);
        String position = archived != null ? archived : manifest.backupId();
        return new ArchiveProgressed(manifest.targetId(), Engine.REDIS, position, RestoreEngine.consistentAt(manifest),
                headOffset != null && archived != null ? headOffset : position, now, null, manifest.backupId(),
                facts.location(manifest.targetId(), manifest.backupId()), now);
    }

    /** The source's {@code master_repl_offset} now, or null (logged) when it cannot be read. */
    private String headOffset(String targetId) {
        try (RedisAdmin admin = RedisAdmin.connect(targets.get(targetId))) {
            return String.valueOf(RedisInfo.number(admin.info("replication"), "master_repl_offset"));
        } catch (Exception e) {
            LOG.warnf("target '%s': unable to read the replication head for ArchiveProgressed: %s", targetId,
                    e.getMessage());
            return null;
        }
    }
}
