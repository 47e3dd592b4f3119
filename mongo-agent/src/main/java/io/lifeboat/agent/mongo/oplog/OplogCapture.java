package io.lifeboat.agent.mongo.oplog;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;

import io.lifeboat.agent.mongo.config.MongoConfig;
import io.lifeboat.agent.mongo.config.MongoTargets;
import io.lifeboat.agentkit.agent.config.AgentConfig;
import io.lifeboat.agentkit.agent.messaging.FactPublisher;
import io.lifeboat.agentkit.crypto.MasterKey;
import io.lifeboat.agentkit.storage.ArtifactLayout;
import io.lifeboat.agentkit.storage.ObjectStore;
import io.lifeboat.agentkit.storage.StoreSettings;
import io.lifeboat.agentkit.storage.WriteOptions;
import io.lifeboat.events.archive.ArchiveFailed;
import io.lifeboat.events.archive.ArchiveProgressed;
import io.lifeboat.events.backup.StorageLocation;
import io.lifeboat.events.envelope.Envelope;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Starts one {@link OplogTailer} per target with {@code lifeboat.mongo.targets.<id>.continuous-oplog=true} at startup
 * and stops them at shutdown; their facts go through the agent's {@link FactPublisher} without waiting.
 */
@ApplicationScoped
public class OplogCapture {

    private static final Logger LOG = Logger.getLogger(OplogCapture.class);

    @Inject
    MongoConfig config;

    @Inject
    MongoTargets targets;

    @Inject
    AgentConfig agent;

    @Inject
    ObjectStore store;

    @Inject
    MasterKey masterKey;

    @Inject
    StoreSettings storeSettings;

    @Inject
    FactPublisher publisher;

    private final List<OplogTailer> running = new ArrayList<>();
    private final List<MongoClient> clients = new ArrayList<>();

    synchronized void start(@Observes StartupEvent event) {
        ArtifactLayout layout = new ArtifactLayout();
        MongoConfig.Oplog oplog = config.oplog();
        for (var entry : new TreeMap<>(config.targets()).entrySet()) {
            if (!entry.getValue().continuousOplog()) {
                continue;
            }
            String id = entry.getKey();
            try {
                String uri = targets.get(id).uri();
                Duration interval = entry.getValue().oplog().flushInterval().orElse(oplog.flushInterval());
                int entries = entry.getValue().oplog().flushEntries().orElse(oplog.flushEntries());
                MongoClient client = MongoClients.create(MongoClientSettings.builder().applyConnectionString(
                        new ConnectionString(uri)).applyToClusterSettings(
                                c -> c.serverSelectionTimeout(oplog
                                        .serverSelectionTimeout().toMillis(), TimeUnit.MILLISECONDS))
                        .build());
                clients.add(client);
                OplogTailerSettings settings = OplogTailerSettings.of(id, location(id, layout)).withFlush(interval,
                        entries).withTiming(oplog.pollInterval(), oplog.firstBackoff(), oplog.maxBackoff());
                OplogTailer tailer = new OplogTailer(settings, client, new OplogStore(store, layout, masterKey, id,
                        WriteOptions.HOT), facts(), Clock.systemUTC());
                tailer.start();
                running.add(tailer);
                LOG.infof("continuous oplog capture of target '%s' started", id);
            } catch (RuntimeException e) {
                LOG.errorf("continuous oplog capture of target '%s' not started: %s", id, e.getMessage());
            }
        }
    }

    synchronized void stop(@Observes ShutdownEvent event) {
        running.forEach(OplogTailer::close);
        running.clear();
        clients.forEach(MongoClient::close);
        clients.clear();
    }

    private OplogFacts facts() {
        var source = Envelope.sourceOf(agent.name().orElse("mongo-agent"));
        return new OplogFacts() {
            @Override
            public void progressed(ArchiveProgressed progress) {
                publisher.publishLater(Envelope.of(source, progress));
            }

            @Override
            public void failed(ArchiveFailed failure) {
                publisher.publishLater(Envelope.of(source, failure));
            }
        };
    }

    /** The bucket (or local root) and the {@code <target>/oplog/} prefix, as pg-agent reports its WAL. */
    private StorageLocation location(String targetId, ArtifactLayout layout) {
        String keys = layout.oplogPrefix(targetId);
        if (storeSettings.driver() == StoreSettings.Driver.S3) {
            return new StorageLocation(storeSettings.bucket(), storeSettings.prefix().isEmpty()
                    ? keys
                    : storeSettings.prefix() + "/" + keys);
        }
        return new StorageLocation(storeSettings.localRoot().toAbsolutePath().toString(), keys);
    }
}
