package io.lifeboat.agent.pg.wal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.sql.SQLException;
import java.util.Optional;

import org.postgresql.replication.LogSequenceNumber;
import org.postgresql.replication.PGReplicationStream;

import io.lifeboat.events.Engine;
import io.lifeboat.events.archive.ArchiveProgressed;

/**
 * Continuous WAL archiving of one target, like {@code pg_receivewal}: streams WAL from a physical replication slot
 * on its own thread, stores every completed segment (and the segment being filled as {@code .partial}, every
 * partial interval) encrypted in the {@link WalStore}, confirms a segment to the slot only once it is stored, follows
 * the server across timeline switches (the new timeline's history file, the old one's end as {@code .partial}), and
 * reports progress, gaps, timeline switches and failures to a {@link WalArchiveListener}.
 */
public final class WalArchiver implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(WalArchiver.class.getName());
    private static final long IDLE_SLEEP_MILLIS = 10;

    /**
     * Where the last start began streaming.
     *
     * @param segment the first segment streamed
     * @param fromStore true when it follows the newest segment in the store, false when it came from the slot
     */
    public record ResumePoint(String segment, boolean fromStore) {
    }

    private final WalArchiverSettings settings;
    private final WalStore store;
    private final WalArchiveListener listener;
    private final StreamPlanner planner;
    private final CommitClock clock = new CommitClock();
    private volatile boolean running;
    private volatile ResumePoint resumePoint;
    private Thread thread;
    private long timeline;
    private long archivedLsn;
    private String lastStored;
    private SegmentBuffer current;

    /** An archiver of {@code settings.targetId()} into {@code store}; nothing happens before {@link #start()}. */
    public WalArchiver(WalArchiverSettings settings, WalStore store, WalArchiveListener listener) {
        this.settings = settings;
        this.store = store;
        this.listener = listener;
        this.planner = new StreamPlanner(store, settings.targetId());
    }

    /** Starts streaming on a new daemon thread. */
    public synchronized void start() {
        if (thread != null) {
            throw new IllegalStateException("WAL archiver of target '" + settings.targetId() + "' already started");
        }
        running = true;
        thread = new Thread(this::run, "wal-archiver-" + settings.targetId());
        thread.setDaemon(true);
        thread.start();
    }

    /** Where the stream began, once the archiver has connected. */
    public Optional<ResumePoint> resumePoint() {
        return Optional.ofNullable(resumePoint);
    }

    /** Stops streaming after storing the partial tail, and waits for the thread to end. */
    @Override
    public synchronized void close() {
        running = false;
        if (thread != null) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void run() {
        try {
            archive();
        } catch (WalGapException gap) {
            listener.gap(gap);
        } catch (Exception e) {
            if (running) {
                listener.failed(e);
            }
        }
    }

    /** How one stream ended, when it did not fail. */
    private enum Ending {
        /** {@link #close()} was called. */
        CLOSED,
        /** The timeline being streamed ended at its switch point, or the server moved to another one. */
        TIMELINE_LEFT
    }

    private void archive() throws Exception {
        StreamPlanner.Stretch previous = null;
        timeline = planner.newestStoredTimeline();
        while (running) {
            Ending ending;
            try (WalSource source = new WalSource(settings)) {
                long segmentSize = source.segmentSize();
                long serverTimeline = source.timeline();
                StreamPlanner.Stretch stretch = planner.plan(source, segmentSize, serverTimeline,
                        source.ensureSlot());
                if (stretch.historic() && stretch.equals(previous)) {
                    throw new WalTimelineException("WAL archiving of target '" + settings.targetId()
                            + "' cannot get past " + WalSegments.format(stretch.start()) + " on timeline "
                            + stretch.timeline() + " (server on timeline " + serverTimeline + ")");
                }
                previous = stretch;
                if (resumePoint == null) {
                    resumePoint = new ResumePoint(WalSegments.segmentOf(stretch.timeline(), stretch.start(),
                            segmentSize), stretch.fromStore());
                }
                if (timeline != 0 && timeline != stretch.timeline()) {
                    listener.timelineSwitched(timeline, stretch.timeline());
                }
                timeline = stretch.timeline();
                ending = stream(source, stretch, segmentSize);
            }
            if (ending == Ending.CLOSED) {
                return;
            }
        }
    }

    private Ending stream(WalSource source, StreamPlanner.Stretch stretch, long segmentSize) throws Exception {
        long start = stretch.start();
        if (archivedLsn <= start) {
            // Else the previous stream (the old timeline's .partial) already holds the head of this segment.
            archivedLsn = start;
            lastStored = store.highestSegment(WalSegments.timelineHex(timeline)).orElse(WalSegments.segmentOf(
                    timeline, start, segmentSize));
        }
        PGReplicationStream stream;
        try {
            stream = source.open(start, timeline);
        } catch (SQLException e) {
            throw source.explain(e, start, timeline, segmentSize);
        }
        SegmentBuffer segment = new SegmentBuffer(timeline, start / segmentSize, segmentSize);
        try {
            return stream(source, stream, segment, stretch.end());
        } catch (SQLException | IOException e) {
            if (stretch.historic() || e instanceof WalStoreException || !serverLeft(timeline)) {
                // The walsender reports a removed segment after the stream has started, on the first read.
                throw e instanceof SQLException sql ? source.explain(sql, start, timeline, segmentSize) : e;
            }
            // A promotion ends the stream (the walsender's CopyDone makes the next read wait and time out).
            return Ending.TIMELINE_LEFT;
        } finally {
            storeLastPartial();
            closeStream(stream);
        }
    }

    private void storeLastPartial() {
        try {
            storePartial(current, WalSegments.timelineHex(timeline));
        } catch (IOException e) {
            // Not fatal: the tail is streamed again from the last complete segment on the next start.
            LOG.log(System.Logger.Level.WARNING, "unable to store the partial tail of the WAL of target '"
                    + settings.targetId() + "': " + e.getMessage());
        }
    }

    /** Whether the server has moved on from {@code streamed}, asked on a new connection ({@code IDENTIFY_SYSTEM}). */
    private boolean serverLeft(long streamed) {
        try (WalSource probe = new WalSource(settings)) {
            return probe.timeline() != streamed;
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }

    private void closeStream(PGReplicationStream stream) {
        try {
            stream.close();
        } catch (SQLException e) {
            // The stream already failed or the server went away; the error that matters is the one being thrown.
            LOG.log(System.Logger.Level.DEBUG, "closing the WAL stream of slot '" + settings.slotName() + "' failed: "
                    + e.getMessage());
        }
    }

    private Ending stream(WalSource source, PGReplicationStream stream, SegmentBuffer first, long end)
            throws Exception {
        String timelineHex = WalSegments.timelineHex(timeline);
        current = first;
        long lastPartial = System.nanoTime();
        long lastProgress = 0;
        while (running) {
            if (current.position() >= end) {
                // All of a left timeline is here; another read would consume the walsender's CopyDone and block.
                return Ending.TIMELINE_LEFT;
            }
            ByteBuffer bytes = stream.readPending();
            if (bytes != null) {
                long from = stream.getLastReceiveLSN().asLong() - bytes.remaining();
                if (from != current.position()) {
                    throw new IOException("WAL stream of slot '" + settings.slotName() + "' sent "
                            + WalSegments.format(from) + " where " + WalSegments.format(current.position())
                            + " was expected");
                }
                while (bytes.hasRemaining()) {
                    current.append(bytes);
                    if (current.full()) {
                        storeComplete(stream, current, timelineHex);
                        current = current.next();
                    }
                }
            } else if (stream.isClosed()) {
                throw new IOException("WAL stream of slot '" + settings.slotName() + "' ended on timeline "
                        + timeline);
            }
            long now = System.nanoTime();
            if (now - lastPartial >= settings.partialInterval().toNanos()) {
                storePartial(current, timelineHex);
                lastPartial = now;
            }
            if (now - lastProgress >= settings.progressInterval().toNanos()) {
                HeadSample head = reportProgress(source);
                lastProgress = now;
                if (end == StreamPlanner.OPEN && head.timeline() != 0 && head.timeline() != timeline) {
                    return Ending.TIMELINE_LEFT;
                }
            }
            if (bytes == null) {
                Thread.sleep(IDLE_SLEEP_MILLIS);
            }
        }
        return Ending.CLOSED;
    }

    private void storeComplete(PGReplicationStream stream, SegmentBuffer segment, String timelineHex)
            throws Exception {
        if (segment.key == null) {
            segment.key = store.newKey(timelineHex, segment.name);
        }
        store.put(segment.key, timelineHex, segment.name, segment.data, segment.filled);
        if (segment.storedAsPartial > 0) {
            store.deletePartial(timelineHex, segment.name);
        }
        archivedLsn = segment.position();
        lastStored = segment.name;
        // Only now may the slot let go of this segment: it is durably in the store.
        LogSequenceNumber end = LogSequenceNumber.valueOf(archivedLsn);
        stream.setFlushedLSN(end);
        stream.setAppliedLSN(end);
        stream.forceUpdateStatus();
    }

    private void storePartial(SegmentBuffer segment, String timelineHex) throws IOException {
        if (segment == null || !segment.changedSincePartial()) {
            return;
        }
        if (segment.key == null) {
            segment.key = store.newKey(timelineHex, segment.name);
        }
        store.put(segment.key, timelineHex, segment.name + WalStore.PARTIAL_SUFFIX, segment.data, segment.filled);
        segment.storedAsPartial = segment.filled;
        archivedLsn = segment.position();
        lastStored = segment.name + WalStore.PARTIAL_SUFFIX;
    }

    private HeadSample reportProgress(WalSource source) throws SQLException {
        HeadSample head = source.head();
        clock.add(head);
        Optional<HeadSample> reached = clock.reachedBy(archivedLsn);
        if (reached.isEmpty()) {
            // Still catching up to the first reading: no commit time can be vouched for yet.
            return head;
        }
        ArchiveProgressed progress = new ArchiveProgressed(settings.targetId(), Engine.POSTGRES,
                WalSegments.format(archivedLsn), reached.get().commitTime(), WalSegments.format(head.lsn()),
                head.commitTime(), timeline, lastStored, settings.location(), head.observedAt());
        try {
            listener.progressed(progress);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "progress listener of WAL archiver of target '"
                    + settings.targetId() + "' failed: " + e.getMessage(), e);
        }
        return head;
    }
}
