package io.lifeboat.agentkit.storage;

/**
 * Storage tiers of Lifeboat; the S3 driver maps each to an S3 storage class (configurable), the local driver keeps
 * them as a label.
 */
public enum StorageClass {
    /** Read often or restored first: S3 STANDARD. */
    HOT,
    /** Read rarely, restored within minutes: S3 STANDARD_IA. */
    WARM,
    /** Kept for months, restored within minutes to hours: S3 GLACIER_IR (or GLACIER). */
    COLD,
    /** Kept for years, restored within hours after a retrieval request: S3 DEEP_ARCHIVE. */
    FROZEN
}
