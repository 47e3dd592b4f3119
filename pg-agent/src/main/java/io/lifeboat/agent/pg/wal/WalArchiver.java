package io.lifeboat.agent.pg.wal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.sql.SQLException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.postgresql.replication.LogSequenceNumber;
import org.postgresql.replication.PGReplicationStream;

import io.lifeboat.events.Engine;
import io.lifeboat.events.archive.ArchiveProgressed;

/**
 * Continuous WAL archiving of one target, like {@code pg_receivewal}: streams WAL from a physical replication slot
 * on its own thread, stores every completed segment (and the segment being filled as {@code .partial}, every
 * partial interval) encrypted in the {@link WalStore}, confirms a segment to the slot only once it is stored, and
 * reports progress, gaps and timeline switches to a {@link WalArchiveListener}.
 */
public final class WalArchiver implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(WalArchiver.class.getName());
    private static final long IDLE_SLEEP_MILLIS = 10;
    private static final Pattern SEGMENT_IN_MESSAGE = Pattern.compile("[0-9A-F]{24}");

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
    private final CommitClock clock = new CommitClock();
    private volatile boolean running;
    private volatile ResumePoint resumePoint;
    private Thread thread;
    private long timeline;
    private long archivedLsn;
    private String lastStored;

    /** An archiver of {@code settings.targetId()} into {@code store}; nothing happens before {@link #start()}. */
    public WalArchiver(WalArchiverSettings settings, WalStore store, WalArchiveListener listener) {
        this.settings = settings;
        this.store = store;
        this.listener = listener;
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
                reportStop(e);
            }
        }
    }

    private void reportStop(Exception e) {
        // A stream that ends while the archiver wants more is how a promotion shows: look for a new timeline.
        try (WalSource source = new WalSource(settings)) {
            long now = source.timeline();
            if (now != timeline && timeline != 0) {
                listener.timelineSwitched(timeline, now);
                return;
            }
        } catch (SQLException | RuntimeException probe) {
            e.addSuppressed(probe);
        }
        listener.failed(e);
    }

    private void archive() throws Exception {
        try (WalSource source = new WalSource(settings)) {
            long segmentSize = source.segmentSize();
            timeline = source.timeline();
            String timelineHex = WalSegments.timelineHex(timeline);
            long restartLsn = source.ensureSlot();
            Optional<String> tip = store.highestSegment(timelineHex);
            long start = tip.map(name -> (WalSegments.segmentNumber(name, segmentSize) + 1) * segmentSize)
                    .orElse(restartLsn / segmentSize * segmentSize);
            resumePoint = new ResumePoint(WalSegments.segmentOf(timeline, start, segmentSize), tip.isPresent());
            archivedLsn = start;
            lastStored = tip.orElse(resumePoint.segment());
            PGReplicationStream stream;
            try {
                stream = source.open(start);
            } catch (SQLException e) {
                throw gapOrFailure(source, e, start, segmentSize);
            }
            try {
                stream(source, stream, new SegmentBuffer(timeline, start / segmentSize, segmentSize), timelineHex);
            } catch (SQLException e) {
                // The walsender reports a removed segment after the stream has started, on the first read.
                throw gapOrFailure(source, e, start, segmentSize);
            } finally {
                closeStream(stream);
            }
        }
    }

    private Exception gapOrFailure(WalSource source, SQLException e, long start, long segmentSize)
            throws SQLException {
        String message = String.valueOf(e.getMessage());
        if (!message.contains("has already been removed")) {
            return new IOException("unable to stream WAL of target '" + settings.targetId() + "' from slot '"
                    + settings.slotName() + "' (started at " + WalSegments.format(start) + "): " + message, e);
        }
        Matcher named = SEGMENT_IN_MESSAGE.matcher(message);
        long first = named.find() ? WalSegments.segmentNumber(named.group(), segmentSize) : start / segmentSize;
        long last = source.oldestSegmentOnServer().map(name -> WalSegments.segmentNumber(name, segmentSize) - 1)
                .filter(n -> n >= first).orElse(first);
        return new WalGapException(settings.targetId(), WalSegments.fileName(timeline, first, segmentSize),
                WalSegments.fileName(timeline, last, segmentSize), message, e);
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

    private void stream(WalSource source, PGReplicationStream stream, SegmentBuffer first, String timelineHex)
            throws Exception {
        SegmentBuffer segment = first;
        long lastPartial = System.nanoTime();
        long lastProgress = 0;
        try {
            while (running) {
                ByteBuffer bytes = stream.readPending();
                if (bytes != null) {
                    long from = stream.getLastReceiveLSN().asLong() - bytes.remaining();
                    if (from != segment.position()) {
                        throw new IOException("WAL stream of slot '" + settings.slotName() + "' sent "
                                + WalSegments.format(from) + " where " + WalSegments.format(segment.position())
                                + " was expected");
                    }
                    while (bytes.hasRemaining()) {
                        segment.append(bytes);
                        if (segment.full()) {
                            storeComplete(stream, segment, timelineHex);
                            segment = segment.next();
                        }
                    }
                } else if (stream.isClosed()) {
                    throw new IOException("WAL stream of slot '" + settings.slotName() + "' ended on timeline "
                            + timeline);
                }
                long now = System.nanoTime();
                if (now - lastPartial >= settings.partialInterval().toNanos()) {
                    storePartial(segment, timelineHex);
                    lastPartial = now;
                }
                if (now - lastProgress >= settings.progressInterval().toNanos()) {
                    reportProgress(source);
                    lastProgress = now;
                }
                if (bytes == null) {
                    Thread.sleep(IDLE_SLEEP_MILLIS);
                }
            }
        } catch (Exception e) {
            // The stream or the server failed (a crashed primary shows here): the WAL received since the last
            // partial may hold commits found nowhere else any more, so it is stored before the archiver stops.
            try {
                storePartial(segment, timelineHex);
            } catch (IOException | RuntimeException stored) {
                e.addSuppressed(stored);
            }
            throw e;
        }
        storePartial(segment, timelineHex);
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
        if (!segment.changedSincePartial()) {
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

    private void reportProgress(WalSource source) throws SQLException {
        HeadSample head = source.head();
        clock.add(head);
        Optional<HeadSample> reached = clock.reachedBy(archivedLsn);
        if (reached.isEmpty()) {
            // Still catching up to the first reading: no commit time can be vouched for yet.
            return;
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
    }
}
