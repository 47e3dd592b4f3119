package io.lifeboat.agent.pg.cdc;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.debezium.engine.DebeziumEngine;
import io.debezium.engine.format.Json;
import io.lifeboat.agent.pg.config.PgConfig;
import io.lifeboat.agent.pg.config.PgTargets;
import io.lifeboat.agent.pg.engine.PgSql;
import io.lifeboat.agent.pg.engine.PgTarget;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Runs one Debezium engine per target with {@code change-capture.enabled=true} from startup to shutdown (never
 * blocking startup), feeding {@link SourceCommits} and the optional change feed, and at startup drops the slot (and
 * Lifeboat's publication) of every configured target whose change capture is disabled.
 */
@ApplicationScoped
public class ChangeCapture {

    private static final Logger LOG = Logger.getLogger(ChangeCapture.class);

    @Inject
    PgConfig config;

    @Inject
    PgTargets targets;

    @Inject
    SourceCommits commits;

    @Inject
    ChangeFeedPublisher publisher;

    @Inject
    MeterRegistry meters;

    private final Map<String, CapturedTarget> running = new LinkedHashMap<>();
    private ScheduledExecutorService scheduler;

    synchronized void start(@Observes StartupEvent event) {
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "change-capture-restarts");
            thread.setDaemon(true);
            return thread;
        });
        for (Map.Entry<String, PgConfig.Target> entry : config.targets().entrySet()) {
            String id = entry.getKey();
            PgConfig.ChangeCapture capture = entry.getValue().changeCapture();
            if (!capture.enabled()) {
                // On the scheduler's thread: a server that is down must not hold up startup.
                scheduler.execute(() -> dropLeftovers(id, capture));
                continue;
            }
            try {
                CapturedTarget target = captured(targets.get(id), capture);
                running.put(id, target);
                target.start();
                LOG.infof("change capture of target '%s' starting (slot '%s', publication '%s', change feed %s)", id,
                        CdcNames.slot(id, capture), CdcNames.publication(id, capture),
                        capture.changeFeed() ? CdcNames.topic(id) : "off");
            } catch (RuntimeException e) {
                LOG.errorf("change capture of target '%s' not started: %s", id, e.getMessage());
            }
        }
    }

    synchronized void stop(@Observes ShutdownEvent event) {
        running.values().forEach(CapturedTarget::close);
        running.clear();
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }

    /** Stops the engine of {@code targetId} after committing the offsets of what was acknowledged (operations). */
    public void stop(String targetId) {
        target(targetId).stop();
    }

    /** Starts the engine of {@code targetId} again from its stored offsets; returns at once. */
    public void start(String targetId) {
        target(targetId).start();
    }

    private synchronized CapturedTarget target(String targetId) {
        CapturedTarget target = running.get(targetId);
        if (target == null) {
            throw new IllegalArgumentException("change capture of target '" + targetId + "' is not running:"
                    + " lifeboat.pg.targets." + targetId + ".change-capture.enabled is not true");
        }
        return target;
    }

    private CapturedTarget captured(PgTarget target, PgConfig.ChangeCapture capture) {
        String id = target.id();
        Path offsetDir = config.cdc().offsetDir();
        Counter changes = Counter.builder("lifeboat.cdc.changes").tag("target", id)
                .description("Row changes read from the source by change capture").register(meters);
        Gauge.builder("lifeboat.cdc.source.commit.time", commits,
                c -> c.newest(id).map(p -> p.commitTime().toEpochMilli() / 1000.0).orElse(Double.NaN))
                .tag("target", id).description("Commit time (epoch seconds) of the newest change seen on the source")
                .register(meters);
        // The handler reports processed batches to the target that runs it, which is built after it.
        CapturedTarget[] self = new CapturedTarget[1];
        ChangeBatchHandler handler = new ChangeBatchHandler(id, capture.changeFeed(), commits, publisher, n -> {
            changes.increment(n);
            self[0].progressed();
        });
        self[0] = new CapturedTarget(id, callback -> {
            Files.createDirectories(offsetDir);
            try (Connection connection = PgSql.connect(target)) {
                CdcPublications.ensure(connection, id, CdcNames.publication(id, capture), CdcNames.tables(capture));
            }
            return DebeziumEngine.create(Json.class)
                    .using(CdcEngineProperties.of(target, capture, offsetDir))
                    .using(callback)
                    .notifying(handler)
                    .build();
        }, scheduler);
        return self[0];
    }

    private void dropLeftovers(String id, PgConfig.ChangeCapture capture) {
        try (Connection connection = PgSql.connect(targets.get(id))) {
            CdcPublications.dropLeftovers(connection, id, CdcNames.slot(id, capture),
                    CdcNames.publication(id, capture));
        } catch (Exception e) {
            LOG.warnf("unable to check target '%s' for a change capture slot left behind: %s", id, e.getMessage());
        }
    }

}
