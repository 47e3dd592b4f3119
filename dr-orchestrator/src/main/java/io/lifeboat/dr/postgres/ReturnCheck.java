package io.lifeboat.dr.postgres;

import java.util.Optional;

/**
 * What the check on a fenced-while-unreachable member's return found and did.
 *
 * @param member the member's name
 * @param outcome what was found and done
 * @param seen the member as inspected before any fencing
 * @param fence the fence applied because it came back writable; null when none was needed or possible
 */
public record ReturnCheck(String member, Outcome outcome, PgMemberState seen, FenceResult fence) {

    /** What the check found and did. */
    public enum Outcome {
        /** Still unreachable: not back, and still not provably fenced. */
        STILL_UNREACHABLE,
        /** Back, but read-only or in recovery: no writes from ordinary clients, nothing to do. */
        NOT_WRITABLE,
        /** Back as a writable primary, and now provably fenced. */
        CAME_BACK_WRITABLE_AND_FENCED,
        /** Back as a writable primary, and the fence did not prove to hold: two writable primaries may exist. */
        CAME_BACK_WRITABLE_FENCE_FAILED
    }

    /**
     * Whether the member is now known to accept no writes from ordinary clients.
     *
     * @return true after {@link Outcome#NOT_WRITABLE} and {@link Outcome#CAME_BACK_WRITABLE_AND_FENCED}
     */
    public boolean provablyFenced() {
        return outcome == Outcome.NOT_WRITABLE || outcome == Outcome.CAME_BACK_WRITABLE_AND_FENCED;
    }

    /**
     * The fence applied on its return.
     *
     * @return the fence result, or empty when none was applied
     */
    public Optional<FenceResult> fenceResult() {
        return Optional.ofNullable(fence);
    }

    /**
     * One line naming the member and what happened.
     *
     * @return the summary
     */
    public String summary() {
        String prefix = "PostgreSQL member '" + member + "' ";
        return switch (outcome) {
            case STILL_UNREACHABLE -> prefix + "is still unreachable and not provably fenced: " + seen.error();
            case NOT_WRITABLE -> prefix + "is back but accepts no writes ("
                    + (Boolean.TRUE.equals(seen.inRecovery()) ? "in recovery" : "read-only") + ")";
            case CAME_BACK_WRITABLE_AND_FENCED -> prefix + "came back writable and was fenced: " + fence.summary();
            case CAME_BACK_WRITABLE_FENCE_FAILED -> prefix + "came back WRITABLE and the fence did not hold: "
                    + fence.summary();
        };
    }
}
