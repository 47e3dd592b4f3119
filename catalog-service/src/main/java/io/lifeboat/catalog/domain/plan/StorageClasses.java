package io.lifeboat.catalog.domain.plan;

import java.util.List;
import java.util.Locale;

/**
 * Orders object-store storage classes from the quickest to read to the slowest: STANDARD, INTELLIGENT_TIERING,
 * STANDARD_IA, ONEZONE_IA, GLACIER_IR, GLACIER, DEEP_ARCHIVE. A class outside this list (or none) counts as STANDARD,
 * because an unknown class is more likely a hot class of another store than an archive one.
 */
public final class StorageClasses {

    /** The class assumed when an entry names none. */
    public static final String STANDARD = "STANDARD";

    private static final List<String> WARM_TO_COLD = List.of(STANDARD, "INTELLIGENT_TIERING", "STANDARD_IA",
            "ONEZONE_IA", "GLACIER_IR", "GLACIER", "DEEP_ARCHIVE");

    private StorageClasses() {
    }

    /**
     * The rank of a class, 0 for STANDARD and for any class outside the known list.
     *
     * @param storageClass the class, any case, or null
     * @return its position from warm to cold
     */
    public static int rank(String storageClass) {
        return Math.max(0, WARM_TO_COLD.indexOf(normalize(storageClass)));
    }

    /**
     * The colder of the class an artifact was written to and the class its age makes it due for: the lifecycle rule
     * may already have moved it, so a plan must not count on the warmer one.
     *
     * @param written class the artifact was written to, or null
     * @param due class its storage tier calls for, or null
     * @return the colder class, upper-case; the written class on a tie; STANDARD when both are null
     */
    public static String colder(String written, String due) {
        String a = written == null ? null : normalize(written);
        String b = due == null ? null : normalize(due);
        if (a == null) {
            return b == null ? STANDARD : b;
        }
        return b != null && rank(b) > rank(a) ? b : a;
    }

    /**
     * Normalizes a class name for comparison and look-up.
     *
     * @param storageClass the class, or null
     * @return the trimmed upper-case name, or STANDARD for null
     */
    public static String normalize(String storageClass) {
        return storageClass == null ? STANDARD : storageClass.trim().toUpperCase(Locale.ROOT);
    }
}
