package io.lifeboat.dr.postgres;

import java.time.Duration;
import java.time.OffsetDateTime;

/**
 * A confirmed write on a member.
 *
 * @param member the member's name
 * @param written the timestamp written into {@code lifeboat_failover_check} and read back
 * @param took from opening the session to reading the row back
 */
public record WriteCheckResult(String member, OffsetDateTime written, Duration took) {

    /**
     * One line naming the member and the write.
     *
     * @return the summary
     */
    public String summary() {
        return "PostgreSQL member '" + member + "' accepts writes: wrote and read back " + written + " in "
                + took.toMillis() + " ms";
    }
}
