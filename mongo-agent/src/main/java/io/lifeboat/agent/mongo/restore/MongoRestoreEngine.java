package io.lifeboat.agent.mongo.restore;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.commons.io.input.ReadAheadInputStream;
import org.jboss.logging.Logger;

import com.mongodb.ReadPreference;
import com.mongodb.reactivestreams.client.MongoClient;

import io.lifeboat.agent.mongo.archive.ArchiveFormatException;
import io.lifeboat.agent.mongo.config.MongoTargets;
import io.lifeboat.agent.mongo.engine.DumpMetadata;
import io.lifeboat.agent.mongo.engine.MongoTarget;
import io.lifeboat.agent.mongo.oplog.NamespaceScope;
import io.lifeboat.agent.mongo.oplog.OplogApplyException;
import io.lifeboat.agent.mongo.oplog.OplogPosition;
import io.lifeboat.agent.mongo.oplog.OplogReplay;
import io.lifeboat.agent.mongo.oplog.OplogStore;
import io.lifeboat.agentkit.agent.RestoreEngine;
import io.lifeboat.agentkit.crypto.MasterKey;
import io.lifeboat.agentkit.pipeline.ArtifactPipeline;
import io.lifeboat.agentkit.pipeline.CorruptArtifactException;
import io.lifeboat.agentkit.pipeline.Manifest;
import io.lifeboat.agentkit.storage.ArtifactLayout;
import io.lifeboat.agentkit.storage.ObjectStore;
import io.lifeboat.agentkit.storage.WriteOptions;
import io.lifeboat.events.backup.BackupType;
import io.lifeboat.events.backup.RestoreBackup;

/**
 * Restores a dump into a running deployment ({@code target:<id>} or a connection string, database names optionally
 * prefixed): collections with their options, documents, indexes after the data and the dump's oplog slice, which
 * makes it consistent at its end; then, for a later recovery point, the target's archived oplog from the dump's end
 * up to it. A destination collection that holds documents is refused unless the command allows overwriting.
 */
@ApplicationScoped
public class MongoRestoreEngine implements RestoreEngine {

    private static final Logger LOG = Logger.getLogger(MongoRestoreEngine.class);
    // The artifact is checked, decrypted and decompressed on a second thread while this one inserts.
    private static final int READ_AHEAD = 1 << 20;

    @Inject
    ArtifactPipeline pipeline;

    @Inject
    MongoTargets targets;

    @Inject
    ObjectStore store;

    @Inject
    MasterKey masterKey;

    @Override
    public Set<BackupType> replayableTypes() {
        return EnumSet.of(BackupType.LOGICAL, BackupType.FULL);
    }

    @Override
    public RestoreResult restore(RestoreBackup command, Manifest backup) throws Exception {
        OplogPosition end = DumpMetadata.end(backup);
        RecoveryPoint point = RecoveryPoint.of(command, backup, end);
        MongoDestination destination;
        try {
            destination = MongoDestination.parse(command.destination());
        } catch (IllegalArgumentException e) {
            throw new RestoreFailure("destination", e.getMessage(), false);
        }
        String what = "backup '" + backup.backupId() + "' of target '" + backup.targetId() + "'";
        NamespaceScope scope = DumpMetadata.scope(backup).renamed(destination::database);
        String where = describe(destination);
        ArchiveLoader.Loaded loaded;
        OplogReplay.Result replayed = null;
        ArchivedOplog archived = point.pastTheDump()
                ? new ArchivedOplog(oplogStore(backup.targetId()), backup, end)
                : null;
        if (archived != null) {
            archived.check(point);
        }
        try (MongoClient client = connect(destination)) {
            loaded = load(command, backup, client, scope, where, what, end);
            if (archived != null) {
                replayed = archived.replay(client, scope, point);
            }
        }
        Instant restoredTo = RestoreEngine.consistentAt(backup);
        OplogPosition reached = end;
        if (replayed != null && replayed.lastApplied().isPresent()) {
            reached = replayed.lastApplied().get();
            restoredTo = replayed.lastAppliedAt().get();
        }
        long archivedEntries = replayed == null ? 0 : replayed.applied();
        LOG.infof("restored %s into %s: %d collections, %d documents, %d oplog entries of the dump and %d archived "
                + "after it applied; reached %s, consistent to %s", what, where, loaded.collections(),
                loaded.totalDocuments(), loaded.oplogApplied(), archivedEntries, point.text(), reached == null
                        ? restoredTo + " (not point-consistent: no oplog)"
                        : reached + " (" + restoredTo + ")");
        return new RestoreResult(restoredTo, reached == null ? null : reached.toString(), loaded.bytes(), Map.of(
                "collections", (long) loaded.collections(), "documents", loaded.totalDocuments(), "oplogEntries",
                loaded.oplogApplied() + archivedEntries));
    }

    private ArchiveLoader.Loaded load(RestoreBackup command, Manifest backup, MongoClient client,
            NamespaceScope scope, String where, String what, OplogPosition end) throws Exception {
        try (InputStream in = ReadAheadInputStream.builder().setInputStream(pipeline.openForRestore(backup
                .targetId(), backup.backupId())).setBufferSize(READ_AHEAD).get()) {
            return new ArchiveLoader(client, scope, where).load(in, command.overwrite(), true, end);
        } catch (ArchiveLoader.DestinationOccupiedException e) {
            throw new RestoreFailure("destination", e.getMessage(), false);
        } catch (CorruptArtifactException | ArchiveFormatException e) {
            throw new RestoreFailure("download", "unable to read " + what + ": " + e.getMessage(), false, e);
        } catch (OplogApplyException e) {
            throw new RestoreFailure("replay", "unable to replay the oplog slice of " + what + " into " + where
                    + ": " + e.getMessage(), false, e);
        } catch (IOException e) {
            throw new RestoreFailure("download", "unable to read " + what + ": " + e.getMessage(), true, e);
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            throw new RestoreFailure("load", "unable to restore " + what + " into " + where + ": " + e.getMessage(),
                    true, e);
        }
    }

    private MongoClient connect(MongoDestination destination) throws RestoreFailure {
        try {
            if (destination.targetId() != null) {
                MongoTarget target = targets.get(destination.targetId());
                return MongoTarget.client(target.uri(), ReadPreference.primary(), target.connectTimeout(),
                        target.serverSelectionTimeout(), target.socketTimeout());
            }
            return MongoTarget.client(destination.uri(), ReadPreference.primary(), Duration.ofSeconds(10),
                    Duration.ofSeconds(30), Duration.ZERO);
        } catch (IllegalArgumentException e) {
            throw new RestoreFailure("destination", e.getMessage(), false);
        }
    }

    private String describe(MongoDestination destination) throws RestoreFailure {
        String where;
        try {
            where = destination.targetId() != null
                    ? targets.get(destination.targetId()).describe()
                    : MongoTarget.hosts(destination.uri());
        } catch (IllegalArgumentException e) {
            throw new RestoreFailure("destination", e.getMessage(), false);
        }
        return destination.prefix().isEmpty()
                ? where
                : where + " with database prefix '" + destination.prefix()
                        + "'";
    }

    private OplogStore oplogStore(String targetId) {
        return new OplogStore(store, new ArtifactLayout(), masterKey, targetId, WriteOptions.HOT);
    }
}
