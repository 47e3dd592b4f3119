package io.lifeboat.catalog.domain;

/**
 * What a new RPO reading means for a target's compliance.
 */
public enum RpoEdge {
    /** Nothing changed: still within, or still in breach. */
    NONE,
    /** The lag passed the RPO: a breach starts. */
    BREACHED,
    /** The lag came back far enough below the RPO: the breach ends. */
    RESTORED
}
