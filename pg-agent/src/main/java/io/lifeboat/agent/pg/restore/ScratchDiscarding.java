package io.lifeboat.agent.pg.restore;

import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.lifeboat.agent.pg.config.PgConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Runs the {@link ScratchReaper} once at start (discards that fell due while the agent was down) and then every
 * {@code lifeboat.pg.restore.discard-check}, on a thread of its own so that a slow {@code pg_ctl stop} never holds up
 * restores.
 */
@ApplicationScoped
public class ScratchDiscarding {

    private static final Logger LOG = Logger.getLogger(ScratchDiscarding.class);

    @Inject
    PgConfig config;

    private ScheduledExecutorService scheduler;
    private ScratchReaper reaper;

    synchronized void start(@Observes StartupEvent event) {
        reaper = new ScratchReaper(new ScratchDiscards(config.restore().scratchDir()), new PgCtlStop());
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "lifeboat-scratch-discards");
            thread.setDaemon(true);
            return thread;
        });
        long every = Math.max(1, config.restore().discardCheck().toMillis());
        scheduler.scheduleWithFixedDelay(this::check, 0, every, TimeUnit.MILLISECONDS);
    }

    synchronized void stop(@Observes ShutdownEvent event) {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }

    /** One check of the discard entries; never throws, since a throwing task would end the schedule. */
    void check() {
        try {
            reaper.reap(Instant.now());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.errorf(e, "the check of scratch-server discards failed; next check in %s",
                    config.restore().discardCheck());
        }
    }
}
