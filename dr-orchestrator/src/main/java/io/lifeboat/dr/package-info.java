/** Lifeboat dr-orchestrator: fenced failovers, restores and drills run as resumable runbooks. */
package io.lifeboat.dr;
