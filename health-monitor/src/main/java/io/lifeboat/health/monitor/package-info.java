/** The probing loop: rounds of every target's probes, the events they lead to, and their publication. */
package io.lifeboat.health.monitor;
