package io.lifeboat.scheduler.rest;

import java.util.List;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.lifeboat.scheduler.policy.PolicyProblem;

/**
 * The body of every error the scheduler's API returns: what went wrong in one sentence and, for a rejected policy,
 * every problem by field.
 *
 * @param error what went wrong
 * @param problems the fields at fault and why; empty when the error is not about fields
 * @param warnings what would be accepted but is probably not meant; empty when none
 */
public record ApiProblem(String error, List<PolicyProblem> problems, List<PolicyProblem> warnings) {

    /**
     * Builds an error response.
     *
     * @param status the HTTP status
     * @param error what went wrong
     * @param problems the fields at fault
     * @param warnings accepted but suspicious settings
     * @return the response
     */
    public static Response of(Response.Status status, String error, List<PolicyProblem> problems,
            List<PolicyProblem> warnings) {
        return Response.status(status).type(MediaType.APPLICATION_JSON)
                .entity(new ApiProblem(error, problems, warnings)).build();
    }

    /**
     * Builds an error response about no field in particular.
     *
     * @param status the HTTP status
     * @param error what went wrong
     * @return the response
     */
    public static Response of(Response.Status status, String error) {
        return of(status, error, List.of(), List.of());
    }
}
