package io.lifeboat.agent.pg.wal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.lifeboat.agent.pg.cdc.SourceCommits;
import io.lifeboat.agent.pg.config.PgConfig;
import io.lifeboat.agent.pg.config.PgTargets;
import io.lifeboat.agent.pg.engine.PgTarget;
import io.lifeboat.agentkit.agent.config.AgentConfig;
import io.lifeboat.agentkit.crypto.MasterKey;
import io.lifeboat.agentkit.storage.ArtifactLayout;
import io.lifeboat.agentkit.storage.ObjectStore;
import io.lifeboat.agentkit.storage.StoreSettings;
import io.lifeboat.agentkit.storage.WriteOptions;
import io.lifeboat.events.archive.ArchiveProgressed;
import io.lifeboat.events.backup.StorageLocation;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Runs one {@link WalArchiver} per target with {@code continuous-archiving=true} from startup to shutdown, restarting
 * it after failures, publishing its progress and failures through {@link ArchivePublisher} and recording them in
 * {@link ArchiveMetrics}.
 */
@ApplicationScoped
public class WalArchiving {

    private static final Logger LOG = Logger.getLogger(WalArchiving.class);

    @Inject
    PgConfig config;

    @Inject
    PgTargets targets;

    @Inject
    ObjectStore store;

    @Inject
    MasterKey masterKey;

    @Inject
    StoreSettings storeSettings;

    @Inject
    AgentConfig agent;

    @Inject
    ArchivePublisher publisher;

    @Inject
    ArchiveMetrics metrics;

    @Inject
    SourceCommits sourceCommits;

    private final List<ArchivedTarget> running = new ArrayList<>();
    private ScheduledExecutorService scheduler;

    synchronized void start(@Observes StartupEvent event) {
        ArtifactLayout layout = new ArtifactLayout();
        for (Map.Entry<String, PgConfig.Target> entry : config.targets().entrySet()) {
            if (!entry.getValue().continuousArchiving()) {
                continue;
            }
            String id = entry.getKey();
            try {
                WalArchiverSettings settings = settings(targets.get(id), entry.getValue(), layout);
                WalStore walStore = new WalStore(store, layout, masterKey, id,
                        WriteOptions.of(agent.storageClass()));
                ArchivedTarget target = new ArchivedTarget(id,
                        listener -> new WalArchiver(settings, walStore, listener), reported -> {
                            ArchiveProgressed progress = sourceCommits.refineHead(reported);
                            metrics.progressed(progress);
                            publisher.publish(progress);
                        }, failed -> {
                            metrics.failed(failed);
                            publisher.publish(failed);
                        }, scheduler(), Clock.systemUTC());
                target.start();
                running.add(target);
                LOG.infof("continuous WAL archiving of target '%s' started (slot '%s')", id, settings.slotName());
            } catch (RuntimeException e) {
                LOG.errorf("continuous WAL archiving of target '%s' not started: %s", id, e.getMessage());
            }
        }
    }

    synchronized void stop(@Observes ShutdownEvent event) {
        running.forEach(ArchivedTarget::close);
        running.clear();
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }

    private ScheduledExecutorService scheduler() {
        if (scheduler == null) {
            scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "wal-archiving-restarts");
                thread.setDaemon(true);
                return thread;
            });
        }
        return scheduler;
    }

    private WalArchiverSettings settings(PgTarget target, PgConfig.Target config, ArtifactLayout layout) {
        String url = "jdbc:postgresql://" + target.host() + ":" + target.port() + "/" + target.database();
        return WalArchiverSettings.of(target.id(), url, target.user(), target.password().orElse(""),
                config.slot().orElseGet(() -> WalSlots.defaultName(target.id())), location(target.id(), layout));
    }

    /** The bucket (or local root) and the {@code <target>/wal/} prefix, as backup locations are reported. */
    private StorageLocation location(String targetId, ArtifactLayout layout) {
        String keys = layout.prefix() + targetId + "/wal/";
        if (storeSettings.driver() == StoreSettings.Driver.S3) {
            return new StorageLocation(storeSettings.bucket(),
                    storeSettings.prefix().isEmpty() ? keys : storeSettings.prefix() + "/" + keys);
        }
        return new StorageLocation(storeSettings.localRoot().toAbsolutePath().toString(), keys);
    }
}
