package io.lifeboat.scheduler.rest;

import java.util.List;

import io.lifeboat.events.policy.PolicyDefined;
import io.lifeboat.scheduler.policy.PolicyProblem;

/**
 * The answer to a policy definition: the policy in force, whether the request changed it, and the warnings.
 *
 * @param policy the policy in force once the request was applied; null while it is still on its way
 * @param commandId id of the {@code DefinePolicy} command that carried the request; null when nothing was sent
 * @param status {@code defined}, {@code unchanged} (the same rules were already in force) or {@code accepted} (sent,
 *        not yet in force when the answer was given)
 * @param warnings settings that are accepted but probably not meant
 */
public record PolicyResult(PolicyDefined policy, String commandId, String status, List<PolicyProblem> warnings) {
}
