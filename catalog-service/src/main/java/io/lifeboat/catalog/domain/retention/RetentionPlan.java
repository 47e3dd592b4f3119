package io.lifeboat.catalog.domain.retention;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.lifeboat.events.catalog.RetentionTag;
import io.lifeboat.events.policy.StorageTier;

/**
 * What retention decides for one target at one instant: the backups to expire and why each other backup stays.
 *
 * @param expire backups to expire, oldest first; empty when nothing is due
 * @param tags for every kept backup, the buckets that picked it in bucket order; empty when another rule keeps it
 * @param keptBecause for every kept backup, the rules that keep it, human-readable
 * @param keepLogFrom start position of the oldest kept restorable backup; archived log before it is no longer needed
 *        (null when no kept backup has a start position)
 * @param dueTiers for every kept backup, the storage tier its age puts it in; no key when the policy has no tiers
 */
public record RetentionPlan(List<Expiry> expire, Map<String, List<RetentionTag>> tags,
        Map<String, String> keptBecause, String keepLogFrom, Map<String, StorageTier> dueTiers) {

    /**
     * Copies every collection so that a plan cannot change after it was made.
     */
    public RetentionPlan {
        expire = List.copyOf(expire);
        Map<String, List<RetentionTag>> copiedTags = new LinkedHashMap<>();
        tags.forEach((id, picked) -> copiedTags.put(id, List.copyOf(picked)));
        tags = Collections.unmodifiableMap(copiedTags);
        keptBecause = Collections.unmodifiableMap(new LinkedHashMap<>(keptBecause));
        dueTiers = Collections.unmodifiableMap(new LinkedHashMap<>(dueTiers));
    }

    /**
     * The ids of every kept backup.
     *
     * @return kept backup ids, newest first
     */
    public Set<String> kept() {
        return keptBecause.keySet();
    }
}
