package io.lifeboat.agent.pg.wal;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;

import org.jboss.logging.Logger;

import io.lifeboat.agentkit.agent.RepeatFilter;
import io.lifeboat.events.archive.ArchiveFailed;
import io.lifeboat.events.archive.ArchiveProgressed;

/**
 * Keeps one target's {@link WalArchiver} running: forwards its progress, and after a failure or gap reports an
 * {@link ArchiveFailed} (the same one at most once a minute), logs the cause and starts a new archiver after a
 * backoff (5 s, doubling, at most 60 s; reset by progress).
 */
final class ArchivedTarget implements WalArchiveListener {

    private static final Logger LOG = Logger.getLogger(ArchivedTarget.class);
    static final Duration FIRST_BACKOFF = Duration.ofSeconds(5);
    static final Duration MAX_BACKOFF = Duration.ofSeconds(60);
    static final Duration REPEAT_INTERVAL = Duration.ofMinutes(1);

    private final String targetId;
    private final Function<WalArchiveListener, WalArchiver> archivers;
    private final Consumer<ArchiveProgressed> progress;
    private final Consumer<ArchiveFailed> failures;
    private final ScheduledExecutorService scheduler;
    private final Clock clock;
    private final RepeatFilter repeats;
    private final AtomicInteger failuresInARow = new AtomicInteger();
    private volatile ArchiveProgressed last;
    private WalArchiver current;
    private boolean closed;

    ArchivedTarget(String targetId, Function<WalArchiveListener, WalArchiver> archivers,
            Consumer<ArchiveProgressed> progress, Consumer<ArchiveFailed> failures, ScheduledExecutorService scheduler,
            Clock clock) {
        this.targetId = targetId;
        this.archivers = archivers;
        this.progress = progress;
        this.failures = failures;
        this.scheduler = scheduler;
        this.clock = clock;
        this.repeats = new RepeatFilter(REPEAT_INTERVAL, clock);
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
        failuresInARow.set(0);
        last = report;
        progress.accept(report);
    }

    @Override
    public void gap(WalGapException gap) {
        stopped(gap);
    }

    @Override
    public void timelineSwitched(long fromTimeline, long toTimeline) {
        LOG.infof("continuous WAL archiving of target '%s' follows the server from timeline %d to %d", targetId,
                fromTimeline, toTimeline);
    }

    @Override
    public void failed(Exception cause) {
        stopped(cause);
    }

    private void stopped(Exception cause) {
        Duration delay = backoff(failuresInARow.getAndIncrement());
        ArchiveFailed fact = ArchiveFailures.of(targetId, cause, last, clock.instant());
        boolean report = repeats.pass(List.of(fact.failure(), String.valueOf(fact.missingFrom()),
                String.valueOf(fact.missingTo()), fact.reason()));
        Logger.Level level = !report
                ? Logger.Level.DEBUG
                : cause instanceof WalGapException ? Logger.Level.ERROR : Logger.Level.WARN;
        LOG.logf(level, report && level == Logger.Level.WARN ? cause : null, "%s (%s); retrying in %ss",
                fact.reason(), fact.failure(), delay.toSeconds());
        if (report) {
            try {
                failures.accept(fact);
            } catch (RuntimeException e) {
                LOG.warnf("unable to report the %s failure of target '%s': %s", fact.failure(), targetId, e);
            }
        }
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
