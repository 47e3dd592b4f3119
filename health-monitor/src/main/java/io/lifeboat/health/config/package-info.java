/** The health-monitor's settings, {@code lifeboat.health.*}: who signs the events and which targets to probe how. */
package io.lifeboat.health.config;
