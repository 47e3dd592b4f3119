package io.lifeboat.scheduler.domain;

import java.time.Duration;

/**
 * The scheduler's knobs for turning due slots into commands.
 *
 * @param staggerWindow stagger window of a policy that sets none
 * @param misfireGrace how late a slot may fire and still count as on time rather than missed
 * @param staleAfter how long a started backup may go without any fact before it no longer blocks the next one
 * @param verifyLookback how far back a scheduled verification picks its backup (24 h, as the seeds ask)
 * @param requestedBy the requester named on every command
 */
public record PlannerSettings(Duration staggerWindow, Duration misfireGrace, Duration staleAfter,
        Duration verifyLookback, String requestedBy) {
}
