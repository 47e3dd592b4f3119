/**
 * Gauges with a changing set of labelled rows, shared by the services that export them (catalog, health monitor,
 * DR orchestrator); Micrometer comes with each service's Quarkus extension.
 */
package io.lifeboat.events.metrics;
