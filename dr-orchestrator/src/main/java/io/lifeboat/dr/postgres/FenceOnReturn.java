package io.lifeboat.dr.postgres;

import java.time.Duration;

/**
 * The check on the return of an old primary that was unreachable when it was fenced: a member that comes back as a
 * writable primary (a crashed primary restarts as one, on its old timeline) is fenced at once. The orchestrator calls
 * it on every health report of such a member until it is provably fenced; calling it again is harmless.
 */
public final class FenceOnReturn {

    private final Fencer fencer;
    private final PgInspector inspector = new PgInspector();

    /** A check that fences with the read-only layer only. */
    public FenceOnReturn() {
        this(new Fencer());
    }

    /**
     * A check that fences with {@code fencer}, for example one with a fence command that stops the returned member.
     *
     * @param fencer the fencer applied when the member is back and writable
     */
    public FenceOnReturn(Fencer fencer) {
        this.fencer = fencer;
    }

    /**
     * Inspects {@code member} and fences it if it came back writable.
     *
     * @param member the old primary
     * @param timeout the limit for each session
     * @return what was found and done; never throws for an unreachable member
     */
    public ReturnCheck check(PgEndpoint member, Duration timeout) {
        PgMemberState seen = inspector.inspect(member, timeout);
        if (!seen.reachable()) {
            return new ReturnCheck(member.name(), ReturnCheck.Outcome.STILL_UNREACHABLE, seen, null);
        }
        if (!seen.writable()) {
            return new ReturnCheck(member.name(), ReturnCheck.Outcome.NOT_WRITABLE, seen, null);
        }
        FenceResult fence = fencer.fence(member, timeout);
        ReturnCheck.Outcome outcome = fence.provablyFenced()
                ? ReturnCheck.Outcome.CAME_BACK_WRITABLE_AND_FENCED
                : ReturnCheck.Outcome.CAME_BACK_WRITABLE_FENCE_FAILED;
        return new ReturnCheck(member.name(), outcome, seen, fence);
    }
}
