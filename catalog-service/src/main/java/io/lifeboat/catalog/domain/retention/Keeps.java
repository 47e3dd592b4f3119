package io.lifeboat.catalog.domain.retention;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.lifeboat.events.catalog.RetentionTag;

/**
 * The backups kept so far and every rule that keeps each of them, in the order the rules were applied.
 */
final class Keeps {

    private final Map<String, List<String>> reasons = new HashMap<>();
    private final Map<String, Set<RetentionTag>> tags = new HashMap<>();

    /** Records a bucket's pick. @param backupId the backup @param bucket the bucket @param reason e.g. daily 2026-11-20 */
    void tag(String backupId, RetentionTag bucket, String reason) {
        tags.computeIfAbsent(backupId, id -> EnumSet.noneOf(RetentionTag.class)).add(bucket);
        keep(backupId, reason);
    }

    /** Records a rule keeping a backup. @param backupId the backup @param reason the rule, human-readable */
    void keep(String backupId, String reason) {
        List<String> list = reasons.computeIfAbsent(backupId, id -> new ArrayList<>());
        if (!list.contains(reason)) {
            list.add(reason);
        }
    }

    /** Drops every rule keeping a backup, for a backup an overriding rule expires. @param backupId the backup */
    void forget(String backupId) {
        reasons.remove(backupId);
        tags.remove(backupId);
    }

    /** Tells whether a backup is kept. @param backupId the backup @return true when some rule keeps it */
    boolean contains(String backupId) {
        return reasons.containsKey(backupId);
    }

    /** The buckets keeping a backup. @param backupId the backup @return buckets, in bucket order, maybe empty */
    List<RetentionTag> tagsOf(String backupId) {
        return List.copyOf(tags.getOrDefault(backupId, Set.of()));
    }

    /** The rules keeping a backup. @param backupId the backup @return rules joined by commas */
    String reasonOf(String backupId) {
        return String.join(", ", reasons.getOrDefault(backupId, List.of()));
    }
}
