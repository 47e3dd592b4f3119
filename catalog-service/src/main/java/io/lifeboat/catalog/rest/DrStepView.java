package io.lifeboat.catalog.rest;

import java.time.Instant;

/**
 * One step of a DR run on the timeline.
 *
 * @param name id of the step, e.g. {@code fence-primary}
 * @param description what the step does, in words (optional)
 * @param state PENDING, RUNNING, DONE, FAILED or SKIPPED
 * @param needsApproval whether a person must approve the step before it runs
 * @param startedAt instant its last attempt started (optional)
 * @param finishedAt instant it finished (optional)
 * @param note what its last attempt found or did (optional)
 */
public record DrStepView(String name, String description, String state, boolean needsApproval, Instant startedAt,
        Instant finishedAt, String note) {
}
