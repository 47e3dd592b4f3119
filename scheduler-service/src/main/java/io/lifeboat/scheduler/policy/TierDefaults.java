package io.lifeboat.scheduler.policy;

import java.time.Duration;
import java.util.Objects;

import io.lifeboat.events.Engine;
import io.lifeboat.events.policy.FailoverMode;
import io.lifeboat.events.policy.ProtectionTier;

/**
 * The recovery objectives and failover mode a tier gives a policy that does not set them.
 *
 * @param rpo default recovery point objective
 * @param rto default recovery time objective
 * @param failoverMode default failover mode for a target with a standby
 */
public record TierDefaults(Duration rpo, Duration rto, FailoverMode failoverMode) {

    private static final TierDefaults TIER_1 = new TierDefaults(Duration.ofMinutes(5), Duration.ofHours(1),
            FailoverMode.AUTOMATIC);
    private static final TierDefaults TIER_2 = new TierDefaults(Duration.ofMinutes(15), Duration.ofHours(4),
            FailoverMode.MANUAL);
    private static final TierDefaults TIER_3 = new TierDefaults(Duration.ofHours(1), Duration.ofHours(24),
            FailoverMode.RESTORE);

    /**
     * Requires every part.
     */
    public TierDefaults {
        Objects.requireNonNull(rpo, "TierDefaults.rpo");
        Objects.requireNonNull(rto, "TierDefaults.rto");
        Objects.requireNonNull(failoverMode, "TierDefaults.failoverMode");
    }

    /**
     * Returns the defaults of a tier.
     *
     * @param tier the tier
     * @return TIER_1: 5 min / 1 h / AUTOMATIC; TIER_2: 15 min / 4 h / MANUAL; TIER_3: 1 h / 24 h / RESTORE
     */
    public static TierDefaults of(ProtectionTier tier) {
        Objects.requireNonNull(tier, "TierDefaults.of: tier");
        return switch (tier) {
            case TIER_1 -> TIER_1;
            case TIER_2 -> TIER_2;
            case TIER_3 -> TIER_3;
        };
    }

    /**
     * Returns the failover mode this tier gives a target of the engine.
     *
     * @param engine the target's engine
     * @return the tier's mode when the engine has a standby, RESTORE otherwise
     */
    public FailoverMode failoverModeFor(Engine engine) {
        return EngineCapabilities.hasStandby(engine) ? failoverMode : FailoverMode.RESTORE;
    }
}
