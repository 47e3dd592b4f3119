package io.lifeboat.dr.service;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.lifeboat.dr.postgres.PgMemberState;

/**
 * The last state in which each member was seen answering, kept for the data-loss estimate: what the old primary
 * had written and what the standby had received before the failure.
 */
public final class MemberSightings {

    private final Map<String, PgMemberState> seen = new ConcurrentHashMap<>();

    /**
     * Remembers a member's state when it answered; an unreachable sighting says nothing about its WAL.
     *
     * @param targetId the target
     * @param state the member's state
     */
    public void record(String targetId, PgMemberState state) {
        if (state.reachable()) {
            seen.put(targetId + "/" + state.member(), state);
        }
    }

    /**
     * Returns the last answering state of a member.
     *
     * @param targetId the target
     * @param member the member name
     * @return the state, or empty when it was never seen answering
     */
    public Optional<PgMemberState> last(String targetId, String member) {
        return Optional.ofNullable(seen.get(targetId + "/" + member));
    }
}
