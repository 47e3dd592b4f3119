package io.lifeboat.agent.pg.wal;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.lifeboat.agentkit.agent.ExpireEngine;
import io.lifeboat.agentkit.crypto.MasterKey;
import io.lifeboat.agentkit.pipeline.Manifest;
import io.lifeboat.agentkit.storage.ArtifactLayout;
import io.lifeboat.agentkit.storage.ObjectStore;
import io.lifeboat.agentkit.storage.WriteOptions;
import io.lifeboat.events.backup.ExpireBackups;

/**
 * After expired backups are deleted, reclaims the archived WAL of the target that no retained backup needs: every
 * segment and {@code .partial} that ends at or before the keep position ({@link WalKeepPosition}); history files stay.
 */
@ApplicationScoped
public class WalExpireEngine implements ExpireEngine {

    private static final Logger LOG = Logger.getLogger(WalExpireEngine.class);

    @Inject
    ObjectStore store;

    @Inject
    MasterKey masterKey;

    @Inject
    ArtifactLayout layout;

    /** An engine outside CDI on explicitly given collaborators, the same ones the agent injects. */
    public static WalExpireEngine of(ObjectStore store, MasterKey masterKey, ArtifactLayout layout) {
        WalExpireEngine engine = new WalExpireEngine();
        engine.store = store;
        engine.masterKey = masterKey;
        engine.layout = layout;
        return engine;
    }

    @Override
    public long reclaim(ExpireBackups command, List<Manifest> remaining) throws IOException {
        String target = command.targetId();
        Optional<WalKeepPosition> keep = WalKeepPosition.of(command, remaining);
        if (keep.isEmpty()) {
            LOG.infof("kept the archived WAL of target '%s': no keep position (no remaining backup records a start"
                    + " LSN and the expiry names no keepLogFrom)", target);
            return 0;
        }
        // Reclaiming never writes, so the storage class of these options is never used.
        WalStore wal = new WalStore(store, layout, masterKey, target, WriteOptions.HOT);
        OptionalLong segmentSize = wal.segmentSize();
        if (segmentSize.isEmpty()) {
            LOG.infof("kept the archived WAL of target '%s' (keep position %s): no complete segment is stored, so"
                    + " the segment size and what ends before the keep position are unknown", target, keep.get());
            return 0;
        }
        WalReclaimer.Reclaimed reclaimed = WalReclaimer.reclaim(wal, keep.get().lsn(), segmentSize.getAsLong());
        LOG.infof("reclaimed the archived WAL of target '%s' that ends at or before keep position %s: %d segments and"
                + " partials deleted, %d stored bytes released", target, keep.get(), reclaimed.objects(),
                reclaimed.bytes());
        return reclaimed.bytes();
    }
}
