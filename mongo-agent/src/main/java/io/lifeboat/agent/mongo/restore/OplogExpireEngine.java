package io.lifeboat.agent.mongo.restore;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.lifeboat.agent.mongo.engine.DumpMetadata;
import io.lifeboat.agent.mongo.oplog.OplogPosition;
import io.lifeboat.agent.mongo.oplog.OplogReclaimer;
import io.lifeboat.agent.mongo.oplog.OplogStore;
import io.lifeboat.agentkit.agent.ExpireEngine;
import io.lifeboat.agentkit.crypto.MasterKey;
import io.lifeboat.agentkit.pipeline.Manifest;
import io.lifeboat.agentkit.storage.ArtifactLayout;
import io.lifeboat.agentkit.storage.ObjectStore;
import io.lifeboat.agentkit.storage.WriteOptions;
import io.lifeboat.events.backup.ExpireBackups;

/**
 * After expired dumps are deleted, reclaims the captured oplog of the target that no retained dump needs: the keep
 * position is the older of the catalog's {@code keepLogFrom} and the start of the oldest dump still stored, so the
 * agent never deletes oplog a dump it stores needs, whatever the command says; {@link OplogReclaimer} deletes.
 */
@ApplicationScoped
public class OplogExpireEngine implements ExpireEngine {

    private static final Logger LOG = Logger.getLogger(OplogExpireEngine.class);

    @Inject
    ObjectStore store;

    @Inject
    MasterKey masterKey;

    @Inject
    ArtifactLayout layout;

    /** An engine outside CDI on explicitly given collaborators, the same ones the agent injects. */
    public static OplogExpireEngine of(ObjectStore store, MasterKey masterKey, ArtifactLayout layout) {
        OplogExpireEngine engine = new OplogExpireEngine();
        engine.store = store;
        engine.masterKey = masterKey;
        engine.layout = layout;
        return engine;
    }

    @Override
    public long reclaim(ExpireBackups command, List<Manifest> remaining) throws IOException {
        String target = command.targetId();
        Optional<OplogPosition> keep = keepPosition(command, remaining);
        if (keep.isEmpty()) {
            LOG.infof("kept the captured oplog of target '%s': no keep position (no remaining dump records a start"
                    + " position and the expiry names no keepLogFrom)", target);
            return 0;
        }
        // Reclaiming never writes, so the storage class of these options is never used.
        OplogStore oplog = new OplogStore(store, layout, masterKey, target, WriteOptions.HOT);
        OplogReclaimer.Reclaimed reclaimed = OplogReclaimer.reclaim(oplog, keep.get());
        LOG.infof("reclaimed the captured oplog of target '%s' that ends before keep position %s: %d slices and %d"
                + " gap markers deleted, %d stored bytes released", target, keep.get(), reclaimed.slices(),
                reclaimed.gaps(), reclaimed.bytes());
        return reclaimed.bytes();
    }

    /** The older of {@code keepLogFrom} and the start of every remaining dump that records one. */
    static Optional<OplogPosition> keepPosition(ExpireBackups command, List<Manifest> remaining) {
        Optional<OplogPosition> keep = Optional.empty();
        if (command.keepLogFrom() != null && !command.keepLogFrom().isBlank()) {
            keep = Optional.of(parse(() -> OplogPosition.parse(command.keepLogFrom()), "keepLogFrom of expiry '"
                    + command.commandId() + "' of target '" + command.targetId() + "'"));
        }
        for (Manifest manifest : remaining) {
            OplogPosition start = parse(() -> DumpMetadata.start(manifest), "the start position of " + manifest
                    .describe());
            // A dump of a server without an oplog records none and replays nothing.
            if (start != null && (keep.isEmpty() || keep.get().isAfter(start))) {
                keep = Optional.of(start);
            }
        }
        return keep;
    }

    private static OplogPosition parse(Supplier<OplogPosition> parse, String what) {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            // Guessing here could delete oplog a dump needs: refuse, and the next expiry tries again.
            throw new IllegalArgumentException(what + ": " + e.getMessage(), e);
        }
    }
}
