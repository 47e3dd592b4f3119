/**
 * Policy rules of the scheduler: validation of a {@code PolicySpec} with field-named problems, the tiers' defaults,
 * the lenient mapping of policies written by people, and the policy file read at start-up.
 */
package io.lifeboat.scheduler.policy;
