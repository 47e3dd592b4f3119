package io.lifeboat.health.domain;

/**
 * A change of a resource warning: raised above its threshold or cleared under it.
 */
public enum WarningChange {
    /** Usage went above the threshold. */
    RAISED,
    /** Usage went back under the threshold by the clearing margin. */
    CLEARED
}
