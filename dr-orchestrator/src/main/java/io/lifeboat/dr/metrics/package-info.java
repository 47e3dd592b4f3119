/**
 * The orchestrator's Prometheus gauges: whether this instance acts, and the status of every target's latest run.
 */
package io.lifeboat.dr.metrics;
