package io.lifeboat.scheduler.policy;

import java.util.List;

/**
 * The outcome of checking a policy: errors reject it, warnings are reported but accepted.
 *
 * @param errors problems that reject the policy
 * @param warnings problems that do not reject it but are likely mistakes
 */
public record PolicyCheck(List<PolicyProblem> errors, List<PolicyProblem> warnings) {

    /**
     * Copies both lists; null means none.
     */
    public PolicyCheck {
        errors = errors == null ? List.of() : List.copyOf(errors);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    /**
     * Tells whether the policy may be defined.
     *
     * @return true when there is no error
     */
    public boolean ok() {
        return errors.isEmpty();
    }
}
