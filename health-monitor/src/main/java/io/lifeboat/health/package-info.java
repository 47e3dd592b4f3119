/** Lifeboat health-monitor: probes targets and reports failures and recoveries with hysteresis. */
package io.lifeboat.health;
