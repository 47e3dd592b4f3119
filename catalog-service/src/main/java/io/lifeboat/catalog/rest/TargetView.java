package io.lifeboat.catalog.rest;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.lifeboat.catalog.domain.ArchiveTip;
import io.lifeboat.catalog.domain.ArchiveTrouble;
import io.lifeboat.catalog.domain.LastBackup;
import io.lifeboat.catalog.domain.LogGap;
import io.lifeboat.catalog.domain.TargetHealth;
import io.lifeboat.catalog.domain.TargetNote;
import io.lifeboat.events.Engine;
import io.lifeboat.events.backup.BackupType;
import io.lifeboat.events.policy.ProtectionTier;

/**
 * A target as the query API and the dashboard show it, with its lag measured at the moment of the query.
 *
 * @param targetId id of the target
 * @param engine engine of the target, when known
 * @param tier protection tier from the policy, or null without policy
 * @param status the dashboard colour
 * @param rpo recovery point objective, or null without policy
 * @param rto recovery time objective, or null without policy
 * @param lag time since the newest restorable point (or since protection began), or null without policy
 * @param lagSeconds the lag in seconds, for dashboards, or null without policy
 * @param rpoSeconds the RPO in seconds, or null without policy
 * @param breached whether the catalog has an open RPO breach for the target
 * @param restorablePoint newest restorable instant, or null
 * @param earliestRestorable oldest restorable instant, or null
 * @param continuousArchiving whether the policy asks for continuous log archiving
 * @param lastSuccess last completed backup per type
 * @param lastFailure last failed backup, or null
 * @param health health as the monitor last reported it, or null
 * @param archive newest archive tip, or null
 * @param archiveTrouble why archiving stopped, or null
 * @param gaps lost stretches of log, oldest first
 * @param notes recent events, newest first
 * @param updatedAt instant the catalog last changed the target
 */
public record TargetView(String targetId, Engine engine, ProtectionTier tier, TargetStatus status, Duration rpo,
        Duration rto, Duration lag, Long lagSeconds, Long rpoSeconds, boolean breached, Instant restorablePoint,
        Instant earliestRestorable,
        boolean continuousArchiving, Map<BackupType, LastBackup> lastSuccess, LastBackup lastFailure,
        TargetHealth health, ArchiveTip archive, ArchiveTrouble archiveTrouble, List<LogGap> gaps,
        List<TargetNote> notes, Instant updatedAt) {
}
