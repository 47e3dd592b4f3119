package io.lifeboat.catalog.domain.retention;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import io.lifeboat.events.policy.StorageTier;

/**
 * Decides which storage tier an artifact's age puts it in.
 */
public final class StorageTiers {

    private StorageTiers() {
    }

    /**
     * The tier with the largest {@code afterDays} the artifact's age in whole days has reached.
     *
     * @param tiers tiers of the policy, in any order
     * @param writtenAt instant the artifact was written (null when unknown)
     * @param now instant of the decision
     * @return the due tier, or empty when there are no tiers, the age is unknown, or no tier is reached yet
     */
    public static Optional<StorageTier> due(List<StorageTier> tiers, Instant writtenAt, Instant now) {
        if (tiers == null || tiers.isEmpty() || writtenAt == null) {
            return Optional.empty();
        }
        // A clock running behind the writer must not make an artifact younger than zero days.
        long ageDays = Math.max(0, Duration.between(writtenAt, now).toDays());
        // Policies promise ascending afterDays, but a hand-edited policy may not keep that promise.
        return tiers.stream().filter(tier -> tier.afterDays() <= ageDays)
                .max(Comparator.comparingInt(StorageTier::afterDays));
    }
}
