package io.lifeboat.agent.mongo.restore;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.mongodb.ReadPreference;
import com.mongodb.reactivestreams.client.MongoClient;

import io.lifeboat.agent.mongo.archive.ArchiveFormatException;
import io.lifeboat.agent.mongo.config.MongoTargets;
import io.lifeboat.agent.mongo.engine.DumpMetadata;
import io.lifeboat.agent.mongo.engine.MongoTarget;
import io.lifeboat.agent.mongo.oplog.OplogPosition;
import io.lifeboat.agentkit.agent.RestoreEngine;
import io.lifeboat.agentkit.pipeline.ArtifactPipeline;
import io.lifeboat.agentkit.pipeline.CorruptArtifactException;
import io.lifeboat.agentkit.pipeline.Manifest;
import io.lifeboat.events.backup.BackupType;
import io.lifeboat.events.backup.RestoreBackup;

/**
 * Restores a dump into a running deployment ({@code target:<id>} or a connection string, database names optionally
 * prefixed): collections with their options, documents, indexes after the data, then the dump's oplog slice up to
 * its end (or the command's point in time or position, when earlier). A destination collection that holds
 * documents is refused unless the command allows overwriting.
 */
@ApplicationScoped
public class MongoRestoreEngine implements RestoreEngine {

    private static final Logger LOG = Logger.getLogger(MongoRestoreEngine.class);

    @Inject
    ArtifactPipeline pipeline;

    @Inject
    MongoTargets targets;

    @Override
    public Set<BackupType> replayableTypes() {
        return EnumSet.of(BackupType.LOGICAL, BackupType.FULL);
    }

    @Override
    public RestoreResult restore(RestoreBackup command, Manifest backup) throws Exception {
        if (command.targetTransaction() != null || command.targetName() != null) {
            throw new RestoreFailure("recovery-target", "target '" + command.targetId() + "' is MongoDB: a restore "
                    + "reaches a dump's end, or a point in time or oplog position (<seconds>:<increment>) within its "
                    + "oplog slice; transactions and named points are not recovery targets", false);
        }
        OplogPosition end = DumpMetadata.end(backup);
        refuseTargetsBeforeTheEnd(command, backup, end);
        MongoDestination destination;
        try {
            destination = MongoDestination.parse(command.destination());
        } catch (IllegalArgumentException e) {
            throw new RestoreFailure("destination", e.getMessage(), false);
        }
        String what = "backup '" + backup.backupId() + "' of target '" + backup.targetId() + "'";
        String where;
        MongoClient client;
        try {
            if (destination.targetId() != null) {
                MongoTarget target = targets.get(destination.targetId());
                where = target.describe();
                client = MongoTarget.client(target.uri(), ReadPreference.primary(), target.connectTimeout(),
                        target.serverSelectionTimeout(), target.socketTimeout());
            } else {
                where = MongoTarget.hosts(destination.uri());
                client = MongoTarget.client(destination.uri(), ReadPreference.primary(), Duration.ofSeconds(10),
                        Duration.ofSeconds(30), Duration.ZERO);
            }
        } catch (IllegalArgumentException e) {
            throw new RestoreFailure("destination", e.getMessage(), false);
        }
        if (!destination.prefix().isEmpty()) {
            where += " with database prefix '" + destination.prefix() + "'";
        }
        ArchiveLoader.Loaded loaded;
        try (client; InputStream in = pipeline.openForRestore(backup.targetId(), backup.backupId())) {
            loaded = new ArchiveLoader(client, destination::database, where).load(in, command.overwrite(), true, end);
        } catch (ArchiveLoader.DestinationOccupiedException e) {
            throw new RestoreFailure("destination", e.getMessage(), false);
        } catch (CorruptArtifactException | ArchiveFormatException e) {
            throw new RestoreFailure("download", "unable to read " + what + ": " + e.getMessage(), false, e);
        } catch (IOException e) {
            throw new RestoreFailure("download", "unable to read " + what + ": " + e.getMessage(), true, e);
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            throw new RestoreFailure("load", "unable to restore " + what + " into " + where + ": " + e.getMessage(),
                    true, e);
        }
        Instant restoredTo = RestoreEngine.consistentAt(backup);
        LOG.infof("restored %s into %s: %d collections, %d documents, %d oplog entries applied, consistent to %s",
                what, where, loaded.collections(), loaded.totalDocuments(), loaded.oplogApplied(),
                end == null ? restoredTo + " (not point-consistent: no oplog)" : end + " (" + restoredTo + ")");
        return new RestoreResult(restoredTo, end == null ? null : end.toString(), loaded.bytes());
    }

    /**
     * A dump's documents were read at different moments between its start and end positions: only with the whole
     * oplog slice applied is the result consistent, at the end. Earlier targets are refused rather than approximated.
     */
    private static void refuseTargetsBeforeTheEnd(RestoreBackup command, Manifest backup, OplogPosition end)
            throws RestoreFailure {
        OplogPosition target = null;
        if (command.targetPosition() != null) {
            try {
                target = OplogPosition.parse(command.targetPosition());
            } catch (IllegalArgumentException e) {
                throw new RestoreFailure("recovery-target", e.getMessage(), false);
            }
        } else if (command.pointInTime() != null) {
            target = new OplogPosition(command.pointInTime().getEpochSecond(), 0xffffffffL);
        }
        if (target == null) {
            return;
        }
        if (end == null || target.compareTo(end) < 0) {
            throw new RestoreFailure("recovery-target", "backup '" + backup.backupId() + "' of target '"
                    + backup.targetId() + "' is consistent only at " + (end == null
                            ? RestoreEngine.consistentAt(backup) + " per collection (no oplog)"
                            : "its end, oplog position " + end)
                    + "; the recovery target " + (command.targetPosition() != null
                            ? command.targetPosition()
                            : command.pointInTime())
                    + " lies before it", false);
        }
    }
}
