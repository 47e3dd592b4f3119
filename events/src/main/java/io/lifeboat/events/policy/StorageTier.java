package io.lifeboat.events.policy;

import io.lifeboat.events.Require;

/**
 * A storage tier an artifact moves to once it reaches a given age.
 *
 * @param name tier name used in reports, e.g. {@code hot}, {@code cold}
 * @param afterDays age in days at which artifacts move to this tier; 0 for the tier they are written to
 * @param storageClass object-store storage class of the tier, e.g. {@code STANDARD_IA}, {@code GLACIER}
 */
public record StorageTier(String name, int afterDays, String storageClass) {

    /**
     * Validates name, age and storage class.
     */
    public StorageTier {
        Require.nonBlank(name, "StorageTier.name");
        Require.nonNegative(afterDays, "StorageTier.afterDays");
        Require.nonBlank(storageClass, "StorageTier.storageClass");
    }
}
