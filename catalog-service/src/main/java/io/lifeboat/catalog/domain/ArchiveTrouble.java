package io.lifeboat.catalog.domain;

import java.time.Instant;

/**
 * Why a target's log archive stopped, until a later progress report says it moves again.
 *
 * @param failure kind of failure, as {@code ArchiveFailure} names it
 * @param reason the agent's explanation
 * @param retrying whether the agent keeps retrying by itself
 * @param at instant the failure was seen
 */
public record ArchiveTrouble(String failure, String reason, boolean retrying, Instant at) {
}
