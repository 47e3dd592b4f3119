package io.lifeboat.scheduler.policy;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.lifeboat.events.policy.PolicySpec;
import io.lifeboat.events.policy.Retention;
import io.lifeboat.events.policy.RetentionAges;
import io.lifeboat.events.policy.StorageTier;

/** The rules on where a policy's backups are stored and how long they are kept. */
final class StorageRules {

    /** Storage classes the catalog knows, warm to cold (catalog-service's StorageClasses). */
    static final List<String> STORAGE_CLASSES = List.of("STANDARD", "INTELLIGENT_TIERING", "STANDARD_IA",
            "ONEZONE_IA", "GLACIER_IR", "GLACIER", "DEEP_ARCHIVE");

    private StorageRules() {
    }

    /** Checks storage tiers and retention. */
    static void check(PolicySpec spec, Problems problems) {
        if (spec.storageTiers() != null) {
            storageTiers(spec.storageTiers(), problems);
        }
        if (spec.retention() != null) {
            retention(spec.retention(), problems);
        }
    }

    private static void storageTiers(List<StorageTier> tiers, Problems problems) {
        Map<String, Integer> names = new HashMap<>();
        StorageTier previous = null;
        int previousIndex = -1;
        for (int i = 0; i < tiers.size(); i++) {
            String field = "storageTiers[" + i + "]";
            StorageTier tier = tiers.get(i);
            if (tier == null) {
                problems.error(field, "is empty: a storage tier needs a name, afterDays and a storageClass");
                continue;
            }
            Integer first = names.putIfAbsent(tier.name().trim().toLowerCase(Locale.ROOT), i);
            if (first != null) {
                problems.error(field + ".name", "'" + tier.name() + "' is also the name of storageTiers[" + first
                        + "]; tier names must be unique");
            }
            if (previous != null && tier.afterDays() <= previous.afterDays()) {
                problems.error(field + ".afterDays", tier.afterDays() + " is not after storageTiers[" + previousIndex
                        + "].afterDays " + previous.afterDays() + "; tiers must be in ascending afterDays");
            }
            String storageClass = tier.storageClass().trim().toUpperCase(Locale.ROOT);
            if (!STORAGE_CLASSES.contains(storageClass)) {
                problems.error(field + ".storageClass", "unknown storage class '" + tier.storageClass()
                        + "'; one of " + String.join(", ", STORAGE_CLASSES));
            }
            previous = tier;
            previousIndex = i;
        }
    }

    private static void retention(Retention retention, Problems problems) {
        positive("retention.maxAge", retention.maxAge(), problems);
        positive("retention.keepWithin", retention.keepWithin(), problems);
        RetentionAges ages = retention.bucketAges();
        if (ages != null) {
            positive("retention.bucketAges.hourly", ages.hourly(), problems);
            positive("retention.bucketAges.daily", ages.daily(), problems);
            positive("retention.bucketAges.weekly", ages.weekly(), problems);
            positive("retention.bucketAges.monthly", ages.monthly(), problems);
            positive("retention.bucketAges.yearly", ages.yearly(), problems);
        }
    }

    /** Reports a duration that is set but zero or negative. */
    static void positive(String field, Duration value, Problems problems) {
        if (value != null && !isPositive(value)) {
            problems.error(field, value + " must be positive");
        }
    }

    /** Tells whether a duration is longer than zero. */
    static boolean isPositive(Duration value) {
        return !value.isZero() && !value.isNegative();
    }
}
