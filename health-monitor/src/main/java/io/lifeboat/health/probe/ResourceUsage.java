package io.lifeboat.health.probe;

import io.lifeboat.events.health.WatchedResource;

/**
 * How much of a resource a probe found in use.
 *
 * @param resource which resource
 * @param instance path, host or member it belongs to
 * @param used fraction in use, 0 to 1
 * @param detail what was measured, in words, e.g. {@code 46.2 GiB of 50 GiB used on /var/lib/postgresql}
 */
public record ResourceUsage(WatchedResource resource, String instance, double used, String detail) {
}
