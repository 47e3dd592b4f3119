package io.lifeboat.events.policy;

import java.time.Instant;

import io.lifeboat.events.Command;
import io.lifeboat.events.Require;

/**
 * Asks the scheduler to take a target out of protection: it stops scheduling it and writes a tombstone for it to
 * {@code lifeboat.policies}; the target's backups stay in the catalog and in storage.
 *
 * @param commandId idempotency key of this request
 * @param targetId id of the target whose policy is removed
 * @param requestedBy user or system that removes the policy
 * @param deadline instant after which the scheduler must not remove the policy (optional)
 * @param attempt attempt number, starting at 1
 */
public record RemovePolicy(String commandId, String targetId, String requestedBy, Instant deadline, int attempt)
        implements
            Command {

    /**
     * Validates ids and attempt.
     */
    public RemovePolicy {
        Require.nonBlank(commandId, "RemovePolicy.commandId");
        Require.nonBlank(targetId, "RemovePolicy.targetId");
        Require.nonBlank(requestedBy, "RemovePolicy.requestedBy");
        Require.positive(attempt, "RemovePolicy.attempt");
    }
}
