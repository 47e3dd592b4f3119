package io.lifeboat.catalog.streams;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import io.lifeboat.catalog.domain.BackupFold;
import io.lifeboat.catalog.domain.EntryBuilder;
import io.lifeboat.catalog.domain.TargetState;
import io.lifeboat.catalog.domain.retention.RetentionPlan;
import io.lifeboat.catalog.domain.retention.RetentionPlanner;
import io.lifeboat.events.backup.BackupPhase;
import io.lifeboat.events.backup.ExpireBackups;
import io.lifeboat.events.catalog.CatalogEntry;
import io.lifeboat.events.catalog.RetentionTag;
import io.lifeboat.events.envelope.Envelope;
import io.lifeboat.events.policy.StorageTier;
import io.lifeboat.events.streams.StreamsEmitter;

/**
 * Applies a target's retention plan: publishes the GFS tags and due storage tier of every kept backup, sends one
 * {@link ExpireBackups} per firing rule to the engine's command topic, and marks those backups as waiting for
 * deletion so that the next pass does not ask again. Expired entries past their audit period are removed from the
 * catalog with a tombstone.
 */
final class RetentionPass {

    private final RetentionPlanner planner = new RetentionPlanner();
    private final TopologySettings settings;
    private final StreamsEmitter emitter;

    RetentionPass(TopologySettings settings, StreamsEmitter emitter) {
        this.settings = settings;
        this.emitter = emitter;
    }

    /**
     * Runs retention for one target.
     *
     * @param state the target
     * @param entries the catalog entries
     * @param cause the fact that made the pass due, or null on the clock
     * @param now wall-clock instant
     */
    void run(TargetState state, StoreBackupEntries entries, Envelope<?> cause, Instant now) {
        if (state.getPolicy() == null || state.getEngine() == null) {
            return;
        }
        List<CatalogEntry> all = entries.of(state.getTargetId());
        RetentionPlan plan = planner.plan(all, state.getPolicy(), now);
        Map<String, CatalogEntry> byId = new LinkedHashMap<>();
        all.forEach(entry -> byId.put(entry.backupId(), entry));
        for (CatalogEntry entry : all) {
            if (plan.tags().containsKey(entry.backupId())) {
                retag(entry, plan.tags().get(entry.backupId()), plan.dueTiers().get(entry.backupId()), entries, cause,
                        now);
            }
        }
        if (settings.retentionEnabled()) {
            expire(state, plan, byId, entries, cause, now);
        }
        purgeExpired(all, entries, now);
    }

    private void retag(CatalogEntry entry, List<RetentionTag> tags, StorageTier tier, StoreBackupEntries entries,
            Envelope<?> cause, Instant now) {
        String tierName = tier == null ? entry.storageTier() : tier.name();
        String tierClass = tier == null ? entry.dueStorageClass() : tier.storageClass();
        if (entry.retentionTags().equals(tags) && Objects.equals(tierName, entry.storageTier())
                && Objects.equals(tierClass, entry.dueStorageClass())) {
            return;
        }
        CatalogEntry changed = EntryBuilder.from(entry).retentionTags(tags).dueTier(tierName, tierClass).build(now);
        entries.put(changed);
        emitter.emit(cause, changed, now);
    }

    private void expire(TargetState state, RetentionPlan plan, Map<String, CatalogEntry> byId,
            StoreBackupEntries entries, Envelope<?> cause, Instant now) {
        Map<String, List<String>> byReason = new LinkedHashMap<>();
        plan.expire().forEach(expiry -> byReason.computeIfAbsent(expiry.reason(), r -> new ArrayList<>())
                .add(expiry.backupId()));
        for (Map.Entry<String, List<String>> group : byReason.entrySet()) {
            ExpireBackups command = new ExpireBackups(UUID.randomUUID().toString(), state.getTargetId(),
                    state.getEngine(), group.getValue(), group.getKey(), "catalog-service", null, 1,
                    plan.keepLogFrom());
            emitter.emit(cause, command, now);
            for (String backupId : group.getValue()) {
                CatalogEntry marked = BackupFold.expireRequested(byId.get(backupId), group.getKey(), now);
                entries.put(marked);
                emitter.emit(cause, marked, now);
            }
        }
    }

    private void purgeExpired(List<CatalogEntry> all, StoreBackupEntries entries, Instant now) {
        Instant horizon = now.minus(settings.expiredAudit());
        for (CatalogEntry entry : all) {
            if (entry.phase() == BackupPhase.EXPIRED && entry.expiredAt() != null
                    && entry.expiredAt().isBefore(horizon)) {
                entries.delete(entry.targetId(), entry.backupId());
                emitter.tombstone(CatalogTopology.CATALOG_TOMBSTONES, entry.backupId(), now);
            }
        }
    }
}
