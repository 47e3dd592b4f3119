package io.lifeboat.catalog.domain.plan;

import java.time.Instant;

/**
 * The archived log a restore replays on top of its backup.
 *
 * @param fromPosition log position replay continues from: the backup's {@code endPosition} (optional)
 * @param from instant replay starts from: the backup's {@code consistentAt}
 * @param to instant replay stops at
 */
public record LogReplay(String fromPosition, Instant from, Instant to) {
}
