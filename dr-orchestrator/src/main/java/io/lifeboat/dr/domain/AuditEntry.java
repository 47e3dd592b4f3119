package io.lifeboat.dr.domain;

import java.time.Instant;

/**
 * One line of a run's audit trail: who did what to the run, when.
 *
 * @param at instant of the transition
 * @param actor user, orchestrator instance or system that caused it
 * @param action what happened, e.g. {@code started}, {@code step-done}, {@code approved}
 * @param detail the step concerned and any error or reason
 */
public record AuditEntry(Instant at, String actor, String action, String detail) {
}
