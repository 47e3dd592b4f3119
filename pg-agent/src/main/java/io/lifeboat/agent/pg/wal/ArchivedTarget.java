package io.lifeboat.agent.pg.wal;

import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;

import org.jboss.logging.Logger;

import io.lifeboat.events.archive.ArchiveProgressed;

/**
 * Keeps one target's {@link WalArchiver} running: forwards its progress, and after a failure, gap or timeline switch
 * logs the cause and starts a new archiver after a backoff (5 s, doubling, at most 60 s; reset by progress).
 */
final class ArchivedTarget implements WalArchiveListener {

    private static final Logger LOG = Logger.getLogger(ArchivedTarget.class);
    static final Duration FIRST_BACKOFF = Duration.ofSeconds(5);
    static final Duration MAX_BACKOFF = Duration.ofSeconds(60);

    private final String targetId;
    private final Function<WalArchiveListener, WalArchiver> archivers;
    private final Consumer<ArchiveProgressed> progress;
    private final ScheduledExecutorService scheduler;
    private final AtomicInteger failures = new AtomicInteger();
    private WalArchiver current;
    private boolean closed;

    ArchivedTarget(String targetId, Function<WalArchiveListener, WalArchiver> archivers,
            Consumer<ArchiveProgressed> progress, ScheduledExecutorService scheduler) {
        this.targetId = targetId;
        this.archivers = archivers;
        this.progress = progress;
        this.scheduler = scheduler;
    }

    /** Starts a new archiver unless closed; the previous one, if any, is closed first. */
    synchronized void start() {
        if (closed) {
            return;
        }
        if (current != null) {
            current.close();
        }
        current = archivers.apply(this);
        current.start();
    }

    /** Stops the archiver (storing its partial tail) and every later restart. */
    synchronized void close() {
        closed = true;
        if (current != null) {
            current.close();
        }
    }

    /** The delay before the {@code n}-th restart in a row (0-based). */
    static Duration backoff(int n) {
        Duration delay = FIRST_BACKOFF.multipliedBy(1L << Math.min(n, 10));
        return delay.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : delay;
    }

    @Override
    public void progressed(ArchiveProgressed report) {
        failures.set(0);
        progress.accept(report);
    }

    @Override
    public void gap(WalGapException gap) {
        Duration delay = backoff(failures.getAndIncrement());
        LOG.errorf("continuous WAL archiving of target '%s' stopped: %s; retrying in %ss", targetId,
                gap.getMessage(), delay.toSeconds());
        restartAfter(delay);
    }

    @Override
    public void timelineSwitched(long fromTimeline, long toTimeline) {
        Duration delay = backoff(failures.getAndIncrement());
        LOG.errorf("continuous WAL archiving of target '%s' stopped: the server moved from timeline %d to %d, which"
                + " the archiver does not follow yet; restarting on the new timeline in %ss", targetId, fromTimeline,
                toTimeline, delay.toSeconds());
        restartAfter(delay);
    }

    @Override
    public void failed(Exception cause) {
        Duration delay = backoff(failures.getAndIncrement());
        LOG.warnf(cause, "continuous WAL archiving of target '%s' failed: %s; restarting in %ss", targetId,
                cause.getMessage(), delay.toSeconds());
        restartAfter(delay);
    }

    private void restartAfter(Duration delay) {
        try {
            scheduler.schedule(this::restart, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            LOG.debugf("no restart of the WAL archiver of target '%s': the agent is stopping", targetId);
        }
    }

    private void restart() {
        try {
            start();
        } catch (RuntimeException e) {
            failed(e);
        }
    }
}
