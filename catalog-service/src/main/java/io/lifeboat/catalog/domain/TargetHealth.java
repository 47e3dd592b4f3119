package io.lifeboat.catalog.domain;

import java.time.Instant;

/**
 * A target's health as the health monitor last decided it.
 *
 * @param healthy whether the target answers its probes
 * @param since instant of the last change
 * @param detail the failing probe and error, or null when healthy
 */
public record TargetHealth(boolean healthy, Instant since, String detail) {
}
