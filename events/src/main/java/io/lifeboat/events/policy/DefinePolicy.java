package io.lifeboat.events.policy;

import java.time.Instant;

import io.lifeboat.events.Command;
import io.lifeboat.events.Require;

/**
 * Asks the scheduler to create or replace the protection policy of a target; the scheduler validates it and publishes
 * {@link PolicyDefined}, or sends the command to the dead-letter topic with every problem it found.
 *
 * @param commandId idempotency key of this request; {@code PolicyDefined.commandId} names it once it is in force
 * @param policy the policy as written by the requester
 * @param requestedBy user or system that defines the policy; it becomes {@code PolicyDefined.definedBy}
 * @param deadline instant after which the scheduler must not apply the policy (optional)
 * @param attempt attempt number, starting at 1
 */
public record DefinePolicy(String commandId, PolicySpec policy, String requestedBy, Instant deadline, int attempt)
        implements
            Command {

    /**
     * Validates ids and attempt; the policy itself is validated by the scheduler, which names every wrong field.
     */
    public DefinePolicy {
        Require.nonBlank(commandId, "DefinePolicy.commandId");
        Require.nonNull(policy, "DefinePolicy.policy");
        Require.nonBlank(policy.targetId(), "DefinePolicy.policy.targetId");
        Require.nonBlank(requestedBy, "DefinePolicy.requestedBy");
        Require.positive(attempt, "DefinePolicy.attempt");
    }

    @Override
    public String targetId() {
        return policy.targetId();
    }
}
