package io.lifeboat.events.policy;

/**
 * How critical a target is; the tier sets default RPO, RTO and failover mode, which a policy may override.
 */
public enum ProtectionTier {
    /** Critical: minutes of RPO, automated failover. */
    TIER_1,
    /** Important: a quarter of an hour of RPO, manual failover. */
    TIER_2,
    /** Standard: an hour or more of RPO, recovery by restore. */
    TIER_3
}
