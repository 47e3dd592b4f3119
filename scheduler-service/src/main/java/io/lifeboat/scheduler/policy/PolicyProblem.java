package io.lifeboat.scheduler.policy;

import java.util.Objects;

/**
 * One thing wrong with, or worth knowing about, a policy, named by the path of its field.
 *
 * @param field path of the field, e.g. {@code schedules[1].cron}, {@code scheduling.timeZone}, {@code connectionRef}
 * @param message what is wrong and, where it helps, what to write instead
 */
public record PolicyProblem(String field, String message) {

    /**
     * Requires both parts.
     */
    public PolicyProblem {
        Objects.requireNonNull(field, "PolicyProblem.field");
        Objects.requireNonNull(message, "PolicyProblem.message");
    }

    /**
     * Returns the problem as a person reads it.
     *
     * @return {@code field: message}
     */
    @Override
    public String toString() {
        return field + ": " + message;
    }
}
