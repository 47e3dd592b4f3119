package io.lifeboat.catalog.domain.retention;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import io.lifeboat.catalog.domain.Chains;
import io.lifeboat.catalog.domain.EntryBuilder;
import io.lifeboat.events.backup.BackupPhase;
import io.lifeboat.events.catalog.CatalogEntry;
import io.lifeboat.events.catalog.RetentionTag;
import io.lifeboat.events.policy.PolicyDefined;
import io.lifeboat.events.policy.Retention;
import io.lifeboat.events.policy.StorageTier;

/**
 * Decides which backups of one target retention expires; the rules and their order are described in DESIGN.md.
 */
public final class RetentionPlanner {

    /**
     * Plans retention for one target.
     *
     * @param entries every catalog entry of the target, in any phase
     * @param policy the target's policy in force
     * @param now instant of the decision
     * @return the backups to expire and why the others stay
     */
    public RetentionPlan plan(Collection<CatalogEntry> entries, PolicyDefined policy, Instant now) {
        Objects.requireNonNull(entries, "retention plan needs the target's catalog entries, got null");
        Objects.requireNonNull(policy, "retention plan needs the target's policy, got null");
        Objects.requireNonNull(now, "retention plan of target '" + policy.targetId() + "' needs an instant, got null");
        requireOneTarget(entries, policy.targetId());
        Retention retention = policy.retention();
        // A backup already being deleted is as good as gone: no chain may rely on it.
        Chains chains = new Chains(entries.stream().map(RetentionPlanner::goneWhenExpiring).toList());
        List<Candidate> candidates = Candidate.newestFirst(entries);
        Map<String, Candidate> byId = candidates.stream()
                .collect(Collectors.toMap(Candidate::id, c -> c, (a, b) -> a, LinkedHashMap::new));

        Keeps keeps = new Keeps();
        pickByRules(candidates, retention, now, keeps);
        protect(candidates, byId, chains, retention, keeps);
        return result(candidates, chains, policy, now, keeps);
    }

    private static void pickByRules(List<Candidate> candidates, Retention retention, Instant now, Keeps keeps) {
        GfsBuckets.pick(candidates, retention, now, keeps);
        if (retention.keepLast() != null) {
            candidates.stream().limit(retention.keepLast())
                    .forEach(c -> keeps.keep(c.id(), RuleText.keepLast(retention.keepLast())));
        }
        if (retention.keepWithin() != null) {
            candidates.stream().filter(c -> c.youngerThan(retention.keepWithin(), now))
                    .forEach(c -> keeps.keep(c.id(), RuleText.youngerThan(retention.keepWithin())));
        }
        if (retention.maxAge() != null) {
            // maxAge overrides every picking rule, but not the protections applied after it.
            candidates.stream().filter(c -> c.olderThan(retention.maxAge(), now)).forEach(c -> keeps.forget(c.id()));
        }
    }

    private static void protect(List<Candidate> candidates, Map<String, Candidate> byId, Chains chains,
            Retention retention, Keeps keeps) {
        candidates.stream().filter(c -> chains.restorable(c.entry())).findFirst()
                .ifPresent(newest -> keeps.keep(newest.id(), "newest restorable backup"));
        // Newest dependant first, so that "base of" names the most recent backup needing this one.
        Map<String, List<String>> dependants = new HashMap<>();
        for (Candidate candidate : candidates) {
            if (keeps.contains(candidate.id())) {
                for (String ancestor : chains.ancestors(candidate.entry())) {
                    dependants.computeIfAbsent(ancestor, id -> new ArrayList<>()).add(candidate.id());
                }
            }
        }
        dependants.forEach((ancestor, kept) -> {
            if (byId.containsKey(ancestor)) {
                keeps.keep(ancestor, "base of " + kept.get(0) + (kept.size() > 1
                        ? " and " + (kept.size() - 1)
                                + " more"
                        : ""));
            }
        });
        if (retention.held()) {
            candidates.forEach(c -> keeps.keep(c.id(), "legal hold"));
        }
    }

    private static RetentionPlan result(List<Candidate> candidates, Chains chains, PolicyDefined policy, Instant now,
            Keeps keeps) {
        Retention retention = policy.retention();
        List<Expiry> expire = new ArrayList<>();
        Map<String, List<RetentionTag>> tags = new LinkedHashMap<>();
        Map<String, String> keptBecause = new LinkedHashMap<>();
        Map<String, StorageTier> dueTiers = new LinkedHashMap<>();
        String keepLogFrom = null;
        for (Candidate candidate : candidates) {
            String id = candidate.id();
            if (!keeps.contains(id)) {
                boolean tooOld = retention.maxAge() != null && candidate.olderThan(retention.maxAge(), now);
                String reason = tooOld ? RuleText.olderThan(retention.maxAge()) : RuleText.notKept(retention);
                expire.add(new Expiry(id, reason));
                continue;
            }
            tags.put(id, keeps.tagsOf(id));
            keptBecause.put(id, keeps.reasonOf(id));
            CatalogEntry entry = candidate.entry();
            Instant writtenAt = entry.completedAt() != null ? entry.completedAt() : entry.consistentAt();
            StorageTiers.due(policy.storageTiers(), writtenAt, now).ifPresent(tier -> dueTiers.put(id, tier));
            // Candidates run newest first, so the last match is the oldest kept restorable backup.
            if (entry.startPosition() != null && chains.restorable(entry)) {
                keepLogFrom = entry.startPosition();
            }
        }
        Collections.reverse(expire); // oldest first, as an operator reads a deletion log
        return new RetentionPlan(expire, tags, keptBecause, keepLogFrom, dueTiers);
    }

    private static void requireOneTarget(Collection<CatalogEntry> entries, String targetId) {
        for (CatalogEntry entry : entries) {
            if (!targetId.equals(entry.targetId())) {
                throw new IllegalArgumentException("retention plan of target '" + targetId + "' was given backup '"
                        + entry.backupId() + "' of target '" + entry.targetId() + "'");
            }
        }
    }

    private static CatalogEntry goneWhenExpiring(CatalogEntry entry) {
        if (entry.expireRequestedAt() == null || entry.phase() != BackupPhase.COMPLETED) {
            return entry;
        }
        return EntryBuilder.from(entry).phase(BackupPhase.EXPIRED).build(entry.updatedAt());
    }

}
