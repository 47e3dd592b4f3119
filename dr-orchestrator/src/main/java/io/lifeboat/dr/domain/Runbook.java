package io.lifeboat.dr.domain;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.lifeboat.events.Require;

/**
 * An ordered list of steps with a stable id; the factories live in {@link Runbooks}.
 *
 * @param id stable id of the runbook, e.g. {@code postgres-primary-failure}
 * @param kind what the runbook recovers from
 * @param steps the steps, in execution order, with unique ids
 */
public record Runbook(String id, RunbookKind kind, List<StepDefinition> steps) {

    /**
     * Validates the id and that the runbook has steps with unique ids.
     */
    public Runbook {
        Require.nonBlank(id, "Runbook.id");
        Require.nonNull(kind, "Runbook.kind");
        steps = List.copyOf(steps);
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("runbook '" + id + "' has no steps");
        }
        Set<String> seen = new HashSet<>();
        for (StepDefinition step : steps) {
            if (!seen.add(step.id())) {
                throw new IllegalArgumentException("runbook '" + id + "' has step '" + step.id() + "' twice");
            }
        }
    }

    /**
     * Returns the ids of the steps in order.
     *
     * @return the step ids
     */
    public List<String> stepIds() {
        return steps.stream().map(StepDefinition::id).toList();
    }

    /**
     * Finds a step by id.
     *
     * @param stepId id of the step
     * @return the step, or empty when the runbook has no such step
     */
    public Optional<StepDefinition> step(String stepId) {
        return steps.stream().filter(step -> step.id().equals(stepId)).findFirst();
    }
}
