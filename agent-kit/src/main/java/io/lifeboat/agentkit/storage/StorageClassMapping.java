package io.lifeboat.agentkit.storage;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Which S3 storage class each Lifeboat tier is written to, and which tier an S3 storage class read back from the
 * bucket stands for.
 *
 * @param s3Classes the S3 storage class name (for example {@code STANDARD_IA}) of every tier
 */
public record StorageClassMapping(Map<StorageClass, String> s3Classes) {

    /** HOT to STANDARD, WARM to STANDARD_IA, COLD to GLACIER_IR, FROZEN to DEEP_ARCHIVE. */
    public static final StorageClassMapping DEFAULT = new StorageClassMapping(Map.of(StorageClass.HOT, "STANDARD",
            StorageClass.WARM, "STANDARD_IA", StorageClass.COLD, "GLACIER_IR", StorageClass.FROZEN, "DEEP_ARCHIVE"));

    /** Requires an S3 class for every tier. */
    public StorageClassMapping {
        Objects.requireNonNull(s3Classes, "s3Classes");
        EnumMap<StorageClass, String> copy = new EnumMap<>(StorageClass.class);
        for (StorageClass tier : StorageClass.values()) {
            String s3Class = s3Classes.get(tier);
            if (s3Class == null || s3Class.isBlank()) {
                throw new IllegalArgumentException("storage class mapping " + s3Classes + " has no S3 class for "
                        + tier);
            }
            copy.put(tier, s3Class.strip().toUpperCase(Locale.ROOT));
        }
        s3Classes = Map.copyOf(copy);
    }

    /**
     * The default mapping with the entries of {@code spec} (for example {@code COLD=GLACIER,FROZEN=DEEP_ARCHIVE})
     * replacing its own; a blank spec is the default mapping.
     */
    public static StorageClassMapping parse(String spec) {
        EnumMap<StorageClass, String> classes = new EnumMap<>(DEFAULT.s3Classes());
        if (spec == null || spec.isBlank()) {
            return DEFAULT;
        }
        for (String entry : spec.split(",")) {
            String[] pair = entry.split("=", 2);
            if (pair.length != 2) {
                throw new IllegalArgumentException("storage class mapping entry '" + entry.strip()
                        + "' is not TIER=S3_CLASS");
            }
            try {
                classes.put(StorageClass.valueOf(pair[0].strip().toUpperCase(Locale.ROOT)), pair[1]);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("storage class mapping entry '" + entry.strip()
                        + "' names an unknown tier; tiers are HOT, WARM, COLD, FROZEN", e);
            }
        }
        return new StorageClassMapping(classes);
    }

    /** The S3 storage class that {@code tier} is written to. */
    public String s3Class(StorageClass tier) {
        return s3Classes.get(tier);
    }

    /**
     * The tier an object of S3 storage class {@code s3Class} belongs to: the first tier mapped to it, else the tier
     * of the nearest well-known class. S3 leaves the class out for STANDARD objects, so {@code null} means STANDARD.
     */
    public StorageClass tierOf(String s3Class) {
        String name = s3Class == null || s3Class.isBlank() ? "STANDARD" : s3Class.toUpperCase(Locale.ROOT);
        for (StorageClass tier : StorageClass.values()) {
            if (s3Classes.get(tier).equals(name)) {
                return tier;
            }
        }
        return switch (name) {
            case "STANDARD_IA", "ONEZONE_IA" -> StorageClass.WARM;
            case "GLACIER_IR", "GLACIER" -> StorageClass.COLD;
            case "DEEP_ARCHIVE" -> StorageClass.FROZEN;
            // STANDARD, INTELLIGENT_TIERING, REDUCED_REDUNDANCY, EXPRESS_ONEZONE and vendor classes are read at once.
            default -> StorageClass.HOT;
        };
    }
}
