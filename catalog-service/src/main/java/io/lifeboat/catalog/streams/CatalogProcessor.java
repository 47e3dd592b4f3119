package io.lifeboat.catalog.streams;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.jboss.logging.Logger;

import io.lifeboat.catalog.domain.CatalogFolder;
import io.lifeboat.catalog.domain.FoldResult;
import io.lifeboat.catalog.domain.RpoMeter;
import io.lifeboat.catalog.domain.TargetState;
import io.lifeboat.catalog.domain.dr.DrRunFold;
import io.lifeboat.events.Topics;
import io.lifeboat.events.catalog.CatalogEntry;
import io.lifeboat.events.dr.DrRunUpdated;
import io.lifeboat.events.envelope.Envelope;
import io.lifeboat.events.streams.StreamsEmitter;

/**
 * The catalog's one processor: decodes every fact on the target-keyed input topics, folds it into the target's state
 * and catalog entries, publishes changed entries, RPO lag and edges, and retention decisions, and keeps DR runs with
 * their outcomes; a wall-clock punctuator measures every target's lag (a stalled agent emits nothing), re-runs
 * retention as backups age and drops old DR runs. Records it
 * cannot decode, or whose key is not their target id, go to the dead-letter topic.
 */
final class CatalogProcessor implements Processor<String, byte[], Object, Object> {

    private static final Logger LOG = Logger.getLogger(CatalogProcessor.class);

    private final TopologySettings settings;
    private final Map<String, TargetState> cache = new HashMap<>();
    private ProcessorContext<Object, Object> context;
    private KeyValueStore<String, TargetState> targets;
    private StoreBackupEntries backups;
    private StoreDrRuns drRuns;
    private StreamsEmitter emitter;
    private RpoTracker rpo;
    private RetentionPass retention;
    private boolean cacheLoaded;
    private boolean catchingUp;
    private Instant lastRetentionSweep;

    CatalogProcessor(TopologySettings settings) {
        this.settings = settings;
    }

    @Override
    public void init(ProcessorContext<Object, Object> context) {
        this.context = context;
        // A revived task runs init again on the same processor: forget what an aborted transaction may have left.
        cache.clear();
        cacheLoaded = false;
        lastRetentionSweep = null;
        this.targets = context.getStateStore(CatalogTopology.TARGETS_STORE);
        KeyValueStore<String, CatalogEntry> entries = context.getStateStore(CatalogTopology.BACKUPS_STORE);
        this.backups = new StoreBackupEntries(entries);
        this.drRuns = new StoreDrRuns(context.getStateStore(CatalogTopology.DR_RUNS_STORE));
        this.emitter = new StreamsEmitter(context, "catalog-service", CatalogTopology.OUT, CatalogTopology.DEADLETTER);
        this.rpo = new RpoTracker(new RpoMeter(settings.rpoRestoreRatio()), settings.rpoPublishInterval(),
                settings.rpoTick(), emitter);
        this.retention = new RetentionPass(settings, emitter);
        context.schedule(settings.rpoTick(), PunctuationType.WALL_CLOCK_TIME, this::tick);
    }

    @Override
    public void process(Record<String, byte[]> record) {
        String topic = context.recordMetadata().map(m -> m.topic()).orElse("");
        Instant now = Instant.ofEpochMilli(context.currentSystemTimeMs());
        if (record.value() == null) {
            if (Topics.POLICIES.name().equals(topic) && record.key() != null) {
                TargetState state = state(record.key());
                if (CatalogFolder.policyRemoved(state).isStateChanged()) {
                    save(state, now);
                }
                rpo.removed(record.key(), now);
            }
            return;
        }
        Optional<Envelope<?>> decoded = emitter.decode(record);
        if (decoded.isEmpty()) {
            return;
        }
        Envelope<?> envelope = decoded.get();
        // A record far older than the wall clock means the task is working through a backlog (a restart, a long
        // outage): the state says where the target stood then, not now, so no edge fires until it has caught up.
        catchingUp = now.toEpochMilli() - record.timestamp() > settings.catchUpThreshold().toMillis();
        if (DrRunFold.concerns(envelope.payload())) {
            drRuns.fold(envelope.payload());
        }
        // A run's state says nothing about backups or health, and a recovery group's runs are keyed by a group id
        // that is no target: folding it would add a phantom target.
        if (!(envelope.payload() instanceof DrRunUpdated)) {
            fold(envelope, now);
        }
    }

    private void fold(Envelope<?> envelope, Instant now) {
        TargetState state = state(envelope.payload().targetId());
        FoldResult result = CatalogFolder.fold(state, backups, envelope.payload(), now);
        result.entries().forEach(entry -> emitter.emit(envelope, entry, now));
        if (result.isStateChanged() || result.isBackupsChanged()) {
            save(state, now);
        }
        // Nothing is expired on a half-folded backlog: a later policy version in it (a legal hold) could forbid it.
        if (result.isRetentionDue() && !catchingUp) {
            retention.run(state, backups, envelope, now);
            if (CatalogFolder.refreshBounds(state, backups)) {
                save(state, now);
            }
        }
        if (result.isStateChanged() || result.isBackupsChanged()) {
            rpo.evaluate(state, envelope, now, changed -> save(changed, now), !catchingUp);
        }
    }

    private void tick(long wallClockMs) {
        Instant now = Instant.ofEpochMilli(wallClockMs);
        loadCache();
        boolean sweep = !catchingUp && (lastRetentionSweep == null
                || !now.isBefore(lastRetentionSweep.plus(settings.retentionInterval())));
        for (TargetState state : cache.values()) {
            rpo.evaluate(state, null, now, changed -> save(changed, now), !catchingUp);
            if (sweep) {
                retention.run(state, backups, null, now);
                if (CatalogFolder.refreshBounds(state, backups)) {
                    save(state, now);
                }
            }
        }
        if (sweep) {
            drRuns.purge(now);
            lastRetentionSweep = now;
        }
        // Caught up unless a stale record arrives before the next tick.
        catchingUp = false;
    }

    private void loadCache() {
        if (cacheLoaded) {
            return;
        }
        try (KeyValueIterator<String, TargetState> all = targets.all()) {
            while (all.hasNext()) {
                KeyValue<String, TargetState> next = all.next();
                cache.putIfAbsent(next.key, next.value);
            }
        }
        cacheLoaded = true;
        LOG.debugf("task %s tracks %d targets", context.taskId(), cache.size());
    }

    private TargetState state(String targetId) {
        TargetState state = cache.get(targetId);
        if (state == null) {
            state = targets.get(targetId);
            if (state == null) {
                state = new TargetState(targetId);
            }
            cache.put(targetId, state);
        }
        return state;
    }

    private void save(TargetState state, Instant now) {
        state.setUpdatedAt(now);
        targets.put(state.getTargetId(), state);
    }
}
