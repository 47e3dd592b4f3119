package io.lifeboat.catalog.rest;

/**
 * The colour a dashboard shows for a target.
 */
public enum TargetStatus {
    /** Within three quarters of its RPO, archive moving, last backup good. */
    GREEN,
    /** Close to its RPO, archiving stopped, or the last backup failed. */
    AMBER,
    /** Past its RPO, or down. */
    RED,
    /** No policy: the catalog knows the target's backups but measures nothing. */
    UNPROTECTED
}
