package io.lifeboat.agent.pg.wal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.postgresql.replication.LogSequenceNumber;

import io.lifeboat.events.archive.ArchiveFailed;
import io.lifeboat.events.archive.ArchiveProgressed;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;

/**
 * Continuous archiving metrics per {@code target}, from the archivers' reports: {@code lifeboat_archive_lag_bytes}
 * (head minus archived position), {@code lifeboat_archive_lag_seconds} (head commit time minus archived commit time),
 * {@code lifeboat_archive_timeline}, {@code lifeboat_archive_progress_reports_total} and
 * {@code lifeboat_archive_failures_total} by {@code failure} (reported failures).
 */
@ApplicationScoped
public class ArchiveMetrics {

    @Inject
    MeterRegistry registry;

    private final Map<String, AtomicLong[]> gauges = new ConcurrentHashMap<>();

    /** Records one progress report. */
    public void progressed(ArchiveProgressed p) {
        AtomicLong[] g = gauges.computeIfAbsent(p.targetId(), this::register);
        if (p.headPosition() != null) {
            g[0].set(Math.max(0, lsn(p.headPosition()) - lsn(p.archivedPosition())));
        }
        g[1].set(Math.max(0, p.headCommitTime().getEpochSecond() - p.archivedCommitTime().getEpochSecond()));
        g[2].set(p.timeline() == null ? 0 : p.timeline());
        registry.counter("lifeboat.archive.progress.reports", tags(p.targetId())).increment();
    }

    /** Records one reported stop of the archiver (the same failure is reported at most once a minute). */
    public void failed(ArchiveFailed f) {
        registry.counter("lifeboat.archive.failures", tags(f.targetId()).and("failure", f.failure().name()))
                .increment();
    }

    private AtomicLong[] register(String targetId) {
        return new AtomicLong[]{
                registry.gauge("lifeboat.archive.lag.bytes", tags(targetId), new AtomicLong()),
                registry.gauge("lifeboat.archive.lag.seconds", tags(targetId), new AtomicLong()),
                registry.gauge("lifeboat.archive.timeline", tags(targetId), new AtomicLong())};
    }

    private static Tags tags(String targetId) {
        return Tags.of("target", targetId, "engine", "postgres");
    }

    private static long lsn(String position) {
        return LogSequenceNumber.valueOf(position).asLong();
    }
}
