package io.lifeboat.catalog.domain;

import java.time.Instant;

/**
 * One recent event on a target shown on the dashboard: failures, DR events, RPO edges, health changes.
 *
 * @param at instant the event happened
 * @param kind short name of the event, e.g. {@code BackupFailed}
 * @param severity how much it matters
 * @param summary one line naming the object and the cause
 */
public record TargetNote(Instant at, String kind, NoteSeverity severity, String summary) {
}
