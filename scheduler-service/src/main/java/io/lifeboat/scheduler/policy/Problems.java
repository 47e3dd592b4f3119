package io.lifeboat.scheduler.policy;

import java.util.ArrayList;
import java.util.List;

/** Collects the errors and warnings of one check, so that every problem is reported at once. */
final class Problems {

    private final List<PolicyProblem> errors = new ArrayList<>();
    private final List<PolicyProblem> warnings = new ArrayList<>();

    void error(String field, String message) {
        errors.add(new PolicyProblem(field, message));
    }

    void warn(String field, String message) {
        warnings.add(new PolicyProblem(field, message));
    }

    boolean hasErrors() {
        return !errors.isEmpty();
    }

    PolicyCheck result() {
        return new PolicyCheck(errors, warnings);
    }
}
