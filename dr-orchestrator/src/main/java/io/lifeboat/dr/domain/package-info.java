/**
 * The DR orchestrator's decisions with no I/O: failure quorum, standby choice, runbooks, the resumable run state
 * machine with fencing epochs, hold-down and approvals, and drill verdicts.
 */
package io.lifeboat.dr.domain;
