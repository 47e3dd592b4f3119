/**
 * The scheduler's Prometheus gauges: per schedule, the newest slot handled and when the next one is due.
 */
package io.lifeboat.scheduler.metrics;
