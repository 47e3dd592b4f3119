package io.lifeboat.catalog.rest;

import io.lifeboat.catalog.domain.TargetNote;

/**
 * A recent event of some target, for the dashboard's cross-target feed.
 *
 * @param targetId the target
 * @param note the event
 */
public record RecentEvent(String targetId, TargetNote note) {
}
