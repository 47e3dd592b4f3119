package io.lifeboat.cli.chaos.brokers;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.lifeboat.events.backup.BackupPhase;

/**
 * Follows {@code lifeboat.catalog} while the scenario runs and notes the wall-clock instant each backup first shows
 * up completed to a read-committed reader: the catalog's progress as its readers see it, stalls included.
 */
final class CatalogWatch implements AutoCloseable {

    private final Thread thread;
    private final Set<String> seen = new HashSet<>();
    private final List<Instant> sightings = new ArrayList<>();
    private volatile boolean running = true;
    private volatile RuntimeException failure;

    private CatalogWatch(String bootstrapServers) {
        thread = new Thread(() -> follow(bootstrapServers), "chaos-broker-catalog-watch");
        thread.setDaemon(true);
    }

    /** Starts following the topic from its beginning. */
    static CatalogWatch start(String bootstrapServers) {
        CatalogWatch watch = new CatalogWatch(bootstrapServers);
        watch.thread.start();
        return watch;
    }

    /** How many distinct backups have shown up completed so far. */
    synchronized int completed() {
        if (failure != null) {
            throw new IllegalStateException("the reader following lifeboat.catalog failed: " + failure, failure);
        }
        return seen.size();
    }

    /** When each backup first showed up completed, in order. */
    synchronized FoldTimeline timeline() {
        return new FoldTimeline(sightings);
    }

    private void follow(String bootstrapServers) {
        try (CatalogTopicReader reader = new CatalogTopicReader(bootstrapServers, "chaos-broker-watch")) {
            while (running) {
                reader.poll(Duration.ofMillis(100), entry -> {
                    if (entry.phase() == BackupPhase.COMPLETED) {
                        note(entry.backupId());
                    }
                });
            }
        } catch (RuntimeException e) {
            if (running) {
                failure = e;
            }
        }
    }

    private synchronized void note(String backupId) {
        if (seen.add(backupId)) {
            sightings.add(Instant.now());
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(Duration.ofSeconds(15).toMillis());
    }
}
