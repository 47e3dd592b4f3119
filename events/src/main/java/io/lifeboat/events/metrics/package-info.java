/**
 * Gauges with a changing set of labelled rows and the thread that refreshes them, shared by the services that export
 * them (catalog, health monitor, DR orchestrator, scheduler); Micrometer comes with each service's Quarkus extension.
 */
package io.lifeboat.events.metrics;
