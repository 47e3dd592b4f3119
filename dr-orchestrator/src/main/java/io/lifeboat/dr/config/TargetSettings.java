package io.lifeboat.dr.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.lifeboat.dr.postgres.FenceCommand;
import io.lifeboat.dr.postgres.PgEndpoint;
import io.lifeboat.events.policy.FailoverMode;

/**
 * One validated PostgreSQL target: its members, the primary at start, and its failover overrides.
 *
 * @param id target id
 * @param failoverMode configured failover mode; empty for the policy's
 * @param rto configured RTO; empty for the policy's
 * @param primary member name of the primary at start
 * @param members every member by name
 * @param fenceCommand the fence's second layer; null for none
 * @param restores where restores and drills put their instances and what they check there
 */
public record TargetSettings(String id, Optional<FailoverMode> failoverMode, Optional<Duration> rto, String primary,
        Map<String, PgEndpoint> members, FenceCommand fenceCommand, RestoreSettings restores) {

    /**
     * Copies the members.
     */
    public TargetSettings {
        members = Map.copyOf(members);
    }

    /**
     * Returns a member.
     *
     * @param name member name
     * @return its endpoint
     * @throws IllegalArgumentException when the target has no such member
     */
    public PgEndpoint member(String name) {
        PgEndpoint endpoint = members.get(name);
        if (endpoint == null) {
            throw new IllegalArgumentException("target '" + id + "' has no member '" + name + "'; members are "
                    + members.keySet().stream().sorted().toList());
        }
        return endpoint;
    }

    /**
     * Returns the members other than the given primary, sorted by name.
     *
     * @param primaryName member name of the primary
     * @return the other members
     */
    public List<PgEndpoint> othersThan(String primaryName) {
        return members.values().stream().filter(member -> !member.name().equals(primaryName))
                .sorted((a, b) -> a.name().compareTo(b.name())).toList();
    }
}
