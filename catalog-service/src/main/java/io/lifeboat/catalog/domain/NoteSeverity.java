package io.lifeboat.catalog.domain;

/**
 * How much a recent event on a target matters to whoever watches the dashboard.
 */
public enum NoteSeverity {
    /** Expected progress, e.g. a restore or a drill that passed. */
    INFO,
    /** Something to look at, e.g. an RPO breach that ended or a verification that failed. */
    WARNING,
    /** Protection is at risk now, e.g. a failed backup, a lost log stretch or a failover. */
    CRITICAL
}
