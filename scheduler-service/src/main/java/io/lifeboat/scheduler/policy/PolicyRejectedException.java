package io.lifeboat.scheduler.policy;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A policy that cannot be defined, with every problem found in it.
 */
public class PolicyRejectedException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String targetId;
    private final transient List<PolicyProblem> problems;

    /**
     * Creates the exception; the message lists every problem, not only the first.
     *
     * @param targetId target id of the policy, null when the policy names none
     * @param problems the errors found in it
     */
    public PolicyRejectedException(String targetId, List<PolicyProblem> problems) {
        super(message(targetId, problems));
        this.targetId = targetId;
        this.problems = List.copyOf(problems);
    }

    /**
     * Returns the target id of the rejected policy.
     *
     * @return the id, null when the policy names none
     */
    public String targetId() {
        return targetId;
    }

    /**
     * Returns every error found in the policy.
     *
     * @return the problems, in the order they were found
     */
    public List<PolicyProblem> problems() {
        return problems;
    }

    private static String message(String targetId, List<PolicyProblem> problems) {
        String subject = targetId == null || targetId.isBlank()
                ? "policy without a target id"
                : "policy of target '" + targetId + "'";
        return subject + " rejected: "
                + problems.stream().map(PolicyProblem::toString).collect(Collectors.joining("; "));
    }
}
