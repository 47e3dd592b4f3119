package io.lifeboat.events.dr;

import java.time.Instant;

import io.lifeboat.events.Require;

/**
 * One line of a DR run's audit trail: who did what, when.
 *
 * @param at instant of the action
 * @param actor the user, service or orchestrator instance that acted
 * @param action what was done, e.g. {@code started}, {@code approved}, {@code step-done}
 * @param detail the particulars, in words (optional)
 */
public record DrAuditEntry(Instant at, String actor, String action, String detail) {

    /**
     * Validates instant, actor and action.
     */
    public DrAuditEntry {
        Require.nonNull(at, "DrAuditEntry.at");
        Require.nonBlank(actor, "DrAuditEntry.actor");
        Require.nonBlank(action, "DrAuditEntry.action");
    }
}
