/** The monitor's decisions with no I/O: when failed rounds become an outage, when passes end it, when usage warns. */
package io.lifeboat.health.domain;
