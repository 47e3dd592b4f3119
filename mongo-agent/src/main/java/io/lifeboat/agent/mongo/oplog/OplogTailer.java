package io.lifeboat.agent.mongo.oplog;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.RawBsonDocument;
import org.jboss.logging.Logger;

import com.mongodb.CursorType;
import com.mongodb.MongoQueryException;
import com.mongodb.reactivestreams.client.FindPublisher;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoCollection;

import io.lifeboat.agentkit.agent.RepeatFilter;
import io.lifeboat.events.Engine;
import io.lifeboat.events.archive.ArchiveFailed;
import io.lifeboat.events.archive.ArchiveProgressed;

/**
 * Captures one target's {@code local.oplog.rs} continuously on its own daemon thread: reads entries after the newest
 * stored slice (a tailable await cursor, re-opened after each end, which makes it polling on servers that end such
 * cursors), stores a slice every flush interval or flush-entries entries, reports {@link ArchiveProgressed} after each
 * slice, a gap when the oplog rolled over past the stored tip, and retries after failures with a backoff.
 */
public final class OplogTailer implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(OplogTailer.class);
    private static final BsonDocument NATURAL = new BsonDocument("$natural", new BsonInt32(1));
    private static final BsonDocument NATURAL_DESC = new BsonDocument("$natural", new BsonInt32(-1));

    /** How the tailer reads the oplog. */
    public enum Mode {
        /** Not read yet. */
        UNKNOWN,
        /** A tailable await cursor stayed open and delivered entries as they were written. */
        TAILABLE,
        /** Each cursor ended after the entries present at its start; the tailer re-reads every poll interval. */
        POLLING
    }

    private final OplogTailerSettings settings;
    private final MongoClient source;
    private final OplogStore store;
    private final OplogFacts facts;
    private final Clock clock;
    private final RepeatFilter repeats;
    private final List<RawBsonDocument> buffer = new ArrayList<>();
    private volatile boolean closed;
    private volatile Mode mode = Mode.UNKNOWN;
    private volatile OplogCursor cursor;
    private volatile OplogPosition archived;
    private boolean tailableRejected;
    private int failuresInARow;
    private Thread thread;

    /** A tailer of {@code source}'s oplog into {@code store}, reporting to {@code facts}; call {@link #start()}. */
    public OplogTailer(OplogTailerSettings settings, MongoClient source, OplogStore store, OplogFacts facts,
            Clock clock) {
        this.settings = settings;
        this.source = source;
        this.store = store;
        this.facts = facts;
        this.clock = clock;
        this.repeats = new RepeatFilter(settings.repeatInterval(), clock);
    }

    /** Starts the capture thread. */
    public synchronized void start() {
        if (thread != null) {
            throw new IllegalStateException("the oplog tailer of target '" + settings.targetId() + "' already runs");
        }
        thread = new Thread(this::run, "oplog-" + settings.targetId());
        thread.setDaemon(true);
        thread.start();
    }

    /** How the oplog was read so far. */
    public Mode mode() {
        return mode;
    }

    /** The newest stored position (empty until the first slice is stored or found). */
    public Optional<OplogPosition> archived() {
        return Optional.ofNullable(archived);
    }

    /** Stores what is buffered and stops; waits up to 30 s for the thread. */
    @Override
    public void close() {
        closed = true;
        Thread t;
        synchronized (this) {
            t = thread;
        }
        OplogCursor c = cursor;
        if (c != null) {
            c.wake();
        }
        if (t != null) {
            t.interrupt();
            try {
                t.join(TimeUnit.SECONDS.toMillis(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void run() {
        while (!closed) {
            try {
                capture();
            } catch (Exception e) {
                if (closed) {
                    // Interrupted by close(): clear the flag so that the driver and the store work again.
                    Thread.interrupted();
                    flushOnClose();
                    break;
                }
                buffer.clear();
                Duration delay = settings.backoff(failuresInARow++);
                report(e, delay);
                sleep(delay);
            }
        }
    }

    private void capture() throws IOException, InterruptedException {
        MongoCollection<RawBsonDocument> oplog = source.getDatabase("local").getCollection("oplog.rs",
                RawBsonDocument.class);
        Optional<OplogPosition> stored = store.newest().map(OplogSlice::last);
        stored.ifPresent(p -> archived = p);
        Optional<RawBsonDocument> oldest = Publishers.first(oplog.find().sort(NATURAL).limit(1));
        BsonDocument filter;
        if (stored.isPresent() && oldest.isPresent() && OplogEntries.ts(oldest.get()).isAfter(stored.get())) {
            OplogGap gap = new OplogGap(stored.get(), OplogEntries.ts(oldest.get()));
            if (!store.gaps().contains(gap)) {
                store.putGap(gap);
            }
            // Reported, then capture goes on from the oldest entry the source still has: the marker stays in the
            // store, so no replay can cross the hole, and the capture is useful from the next full backup on.
            reportGap(new OplogGapException(settings.targetId(), gap));
            filter = new BsonDocument("ts", new BsonDocument("$gte", gap.oldestAvailable().toBsonTimestamp()));
        } else if (stored.isPresent()) {
            filter = after(stored.get());
        } else {
            filter = new BsonDocument();
        }
        Instant lastFlush = clock.instant();
        OplogPosition last = stored.orElse(null);
        while (!closed) {
            try (OplogCursor open = new OplogCursor(find(oplog, filter))) {
                cursor = open;
                Instant openedAt = clock.instant();
                boolean ended = false;
                while (!closed && !ended) {
                    long untilFlush = Duration.between(clock.instant(), lastFlush.plus(settings.flushInterval()))
                            .toMillis();
                    OplogCursor.Signal signal = open.poll(Math.min(settings.pollInterval().toMillis(), Math.max(
                            untilFlush, 1)));
                    if (signal instanceof OplogCursor.Entry e) {
                        OplogPosition ts = OplogEntries.ts(e.entry());
                        if (last != null && !ts.isAfter(last)) {
                            throw new IOException("oplog of target '" + settings.targetId() + "' delivered " + ts
                                    + " after " + last + ": entries out of order");
                        }
                        buffer.add(e.entry());
                        last = ts;
                        if (buffer.size() >= settings.flushEntries()) {
                            flush(oplog);
                            lastFlush = clock.instant();
                        }
                    } else if (signal instanceof OplogCursor.Ended) {
                        ended = true;
                        observe(Mode.POLLING);
                    } else if (signal instanceof OplogCursor.Failed f) {
                        if (!tailableRejected && f.error() instanceof MongoQueryException && mode == Mode.UNKNOWN) {
                            LOG.infof("oplog of target '%s': the server refuses tailable cursors (%s); polling",
                                    settings.targetId(), f.error().getMessage());
                            tailableRejected = true;
                            ended = true;
                            observe(Mode.POLLING);
                        } else {
                            throw new IOException("unable to read the oplog of target '" + settings.targetId()
                                    + "' after " + last + ": " + f.error().getMessage(), f.error());
                        }
                    } else if (Duration.between(openedAt, clock.instant()).compareTo(settings.pollInterval()) > 0) {
                        observe(Mode.TAILABLE);
                    }
                    if (!buffer.isEmpty() && !clock.instant().isBefore(lastFlush.plus(settings.flushInterval()))) {
                        flush(oplog);
                        lastFlush = clock.instant();
                    } else if (buffer.isEmpty() && !clock.instant().isBefore(lastFlush.plus(settings
                            .flushInterval()))) {
                        lastFlush = clock.instant();
                    }
                }
            } finally {
                cursor = null;
            }
            if (!closed) {
                sleep(settings.pollInterval());
            }
            if (last != null) {
                filter = after(last);
                Optional<RawBsonDocument> oldestNow = Publishers.first(oplog.find().sort(NATURAL).limit(1));
                if (oldestNow.isPresent() && OplogEntries.ts(oldestNow.get()).isAfter(last)) {
                    // The oplog rolled over past what was read while no cursor was open (polling mode): store what
                    // was read and start again, so that the start's gap check reports the hole.
                    if (!buffer.isEmpty()) {
                        flush(oplog);
                    }
                    return;
                }
            }
        }
        if (!buffer.isEmpty()) {
            flush(oplog);
        }
    }

    private void flushOnClose() {
        if (buffer.isEmpty()) {
            return;
        }
        try {
            flush(source.getDatabase("local").getCollection("oplog.rs", RawBsonDocument.class));
        } catch (IOException | RuntimeException e) {
            LOG.warnf("oplog of target '%s': %d entries read before stopping were not stored (%s); the next start"
                    + " reads them again", settings.targetId(), buffer.size(), e);
        }
    }

    private FindPublisher<RawBsonDocument> find(MongoCollection<RawBsonDocument> oplog, BsonDocument filter) {
        if (tailableRejected) {
            return oplog.find(filter).sort(NATURAL);
        }
        return oplog.find(filter).cursorType(CursorType.TailableAwait).maxAwaitTime(settings.pollInterval()
                .toMillis(), TimeUnit.MILLISECONDS);
    }

    private void observe(Mode seen) {
        if (mode != seen && mode != Mode.TAILABLE) {
            LOG.infof("oplog of target '%s' is read in %s mode", settings.targetId(), seen);
            mode = seen;
        }
    }

    private void flush(MongoCollection<RawBsonDocument> oplog) throws IOException {
        OplogSlice slice = store.put(buffer);
        failuresInARow = 0;
        RawBsonDocument newest = buffer.get(buffer.size() - 1);
        buffer.clear();
        archived = slice.last();
        RawBsonDocument head = Publishers.first(oplog.find().sort(NATURAL_DESC).limit(1)).orElse(newest);
        ArchiveProgressed progress = new ArchiveProgressed(settings.targetId(), Engine.MONGODB, slice.last()
                .toString(), OplogEntries.wall(newest), OplogEntries.ts(head).toString(), OplogEntries.wall(head),
                null, slice.name(), settings.location(), clock.instant());
        try {
            facts.progressed(progress);
        } catch (RuntimeException e) {
            LOG.warnf("unable to report the oplog progress of target '%s' at %s: %s", settings.targetId(), slice
                    .last(), e);
        }
    }

    private void reportGap(OplogGapException gap) {
        ArchiveFailed fact = OplogFailures.of(settings.targetId(), gap, archived, clock.instant());
        LOG.error(fact.reason());
        publish(fact);
    }

    private void report(Exception cause, Duration delay) {
        ArchiveFailed fact = OplogFailures.of(settings.targetId(), cause, archived, clock.instant());
        boolean report = repeats.pass(List.of(fact.failure(), fact.reason()));
        LOG.logf(report ? Logger.Level.WARN : Logger.Level.DEBUG, "%s (%s); retrying in %s ms", fact.reason(), fact
                .failure(), delay.toMillis());
        if (report) {
            publish(fact);
        }
    }

    private void publish(ArchiveFailed fact) {
        try {
            facts.failed(fact);
        } catch (RuntimeException e) {
            LOG.warnf("unable to report the %s failure of target '%s': %s", fact.failure(), settings.targetId(), e);
        }
    }

    private static BsonDocument after(OplogPosition position) {
        return new BsonDocument("ts", new BsonDocument("$gt", position.toBsonTimestamp()));
    }

    private void sleep(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            if (!closed) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
