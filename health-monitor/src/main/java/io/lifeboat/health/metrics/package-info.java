/**
 * The monitor's Prometheus gauges: each target's health status, failed rounds and last round, and each probed
 * member's last result, latency and replication lag.
 */
package io.lifeboat.health.metrics;
