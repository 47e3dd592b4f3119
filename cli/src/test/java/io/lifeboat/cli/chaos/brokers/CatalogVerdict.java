package io.lifeboat.cli.chaos.brokers;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.common.TopicPartition;

import io.lifeboat.cli.chaos.ChaosTally;
import io.lifeboat.events.backup.BackupPhase;
import io.lifeboat.events.catalog.CatalogEntry;

/**
 * Judges the catalog's output against the facts sent: a fact is reflected when both {@code lifeboat.catalog} (read
 * committed) and the query API show it; one that is not counts as lost when the catalog's consumer group has
 * committed past its offset and as stuck when it has not reached it yet. A backup is duplicated when two of its
 * catalog entries are equal but for their update time: a change folded twice, while different entries of one backup
 * (a later phase, new retention tags) are legitimate changes.
 *
 * @param catalog every committed entry of {@code lifeboat.catalog}, in read order
 * @param restPolicies targets the query API lists with a policy (an RPO)
 * @param restBackups completed backups per target, as the query API lists them
 * @param committed the catalog's committed input offsets (the next offset it will read) per partition
 */
record CatalogVerdict(List<CatalogEntry> catalog, Set<String> restPolicies, Map<String, Set<String>> restBackups,
        Map<TopicPartition, Long> committed) {

    /** Counts lost, duplicated, stuck and reflected facts of {@code sent}, with a finding for each fault. */
    ChaosTally judge(String scenario, List<SentFact> sent) {
        List<String> findings = new ArrayList<>();
        Map<String, Map<CatalogEntry, Integer>> versions = new LinkedHashMap<>();
        for (CatalogEntry entry : catalog) {
            versions.computeIfAbsent(entry.backupId(), id -> new LinkedHashMap<>()).merge(withoutUpdateTime(entry), 1,
                    Integer::sum);
        }
        long duplicated = 0;
        for (Map.Entry<String, Map<CatalogEntry, Integer>> backup : versions.entrySet()) {
            for (Map.Entry<CatalogEntry, Integer> version : backup.getValue().entrySet()) {
                if (version.getValue() > 1) {
                    duplicated++;
                    findings.add("backup " + backup.getKey() + " of " + version.getKey().targetId() + " has "
                            + version.getValue() + " equal catalog entries in phase " + version.getKey().phase());
                    break;
                }
            }
        }
        long lost = 0;
        long stuck = 0;
        long reflected = 0;
        Set<String> sentBackups = new HashSet<>();
        for (SentFact fact : sent) {
            boolean inTopic;
            boolean inRest;
            if (fact.policy()) {
                inTopic = true;
                inRest = restPolicies.contains(fact.targetId());
            } else {
                sentBackups.add(fact.backupId());
                inTopic = versions.getOrDefault(fact.backupId(), Map.of()).keySet().stream()
                        .anyMatch(e -> e.phase() == BackupPhase.COMPLETED);
                inRest = restBackups.getOrDefault(fact.targetId(), Set.of()).contains(fact.backupId());
            }
            if (inTopic && inRest) {
                reflected++;
                continue;
            }
            String missing = !inTopic && !inRest
                    ? "lifeboat.catalog and the query API"
                    : inTopic ? "the query API" : "lifeboat.catalog";
            long next = committed.getOrDefault(fact.partition(), 0L);
            if (next > fact.offset()) {
                lost++;
                findings.add(fact.describe() + " is missing from " + missing + " although the catalog committed "
                        + "its input up to offset " + next);
            } else {
                stuck++;
                findings.add(fact.describe() + " is missing from " + missing + "; the catalog has not consumed it "
                        + "(committed offset " + next + ")");
            }
        }
        versions.keySet().stream().filter(id -> !sentBackups.contains(id)).forEach(id -> findings.add(
                "lifeboat.catalog has backup " + id + ", which was never sent"));
        return new ChaosTally(scenario, lost, duplicated, stuck, 0, 0, 0, sent.size(), reflected, findings);
    }

    /** The entry with its update time cleared: two folds of the same change differ in nothing else. */
    static CatalogEntry withoutUpdateTime(CatalogEntry e) {
        return new CatalogEntry(e.backupId(), e.targetId(), e.engine(), e.backupType(), e.phase(), e.baseBackupId(),
                e.startedAt(), e.completedAt(), e.consistentAt(), e.endPosition(), e.rawBytes(), e.storedBytes(),
                e.sha256(), e.location(), e.storageClass(), e.retentionTags(), e.verifiedAt(), Instant.EPOCH,
                e.startPosition(), e.commandId(), e.problems(), e.storageTier(), e.dueStorageClass(),
                e.failureReason(), e.verificationFailure(), e.verificationFailedAt(), e.expireRequestedAt(),
                e.expiryReason(), e.expiredAt());
    }
}
