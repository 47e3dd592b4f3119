package io.lifeboat.scheduler.rest;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.lifeboat.events.policy.DefinePolicy;
import io.lifeboat.events.policy.PolicyDefined;
import io.lifeboat.events.policy.PolicySpec;
import io.lifeboat.events.policy.RemovePolicy;
import io.lifeboat.scheduler.domain.PolicyChanges;
import io.lifeboat.scheduler.policy.PolicyCheck;
import io.lifeboat.scheduler.policy.PolicyMapper;
import io.lifeboat.scheduler.policy.PolicyRejectedException;
import io.lifeboat.scheduler.policy.PolicyRules;

/**
 * Protection policies over REST: list, read, define (create or replace), validate, remove, and when each will run
 * next. A definition is validated here first, so every wrong field is answered at once with 400; a valid one travels
 * as a {@code DefinePolicy} command through the topic every other system uses, and the answer waits until it is in
 * force.
 */
@Path("/api/policies")
@Produces(MediaType.APPLICATION_JSON)
public class PolicyResource {

    private static final Duration PATIENCE = Duration.ofSeconds(10);
    private static final String USER_HEADER = "X-Lifeboat-User";

    @Inject
    PolicyView view;
    @Inject
    CommandPublisher publisher;
    @Inject
    NextRuns nextRuns;

    /**
     * Lists every policy in force.
     *
     * @return the policies, by target id
     */
    @GET
    public List<PolicyDefined> list() {
        return view.all();
    }

    /**
     * Reads the policy of one target.
     *
     * @param targetId the target
     * @return 200 with the policy, or 404
     */
    @GET
    @Path("/{targetId}")
    public Response get(@PathParam("targetId") String targetId) {
        return view.get(targetId).map(policy -> Response.ok(policy).build()).orElseGet(() -> notFound(targetId));
    }

    /**
     * The next runs of every schedule of a target, stagger included.
     *
     * @param targetId the target
     * @param count how many runs per schedule
     * @return 200 with the runs, or 404
     */
    @GET
    @Path("/{targetId}/next-runs")
    public Response next(@PathParam("targetId") String targetId, @QueryParam("count") Integer count) {
        int runs = count == null ? 3 : Math.max(1, Math.min(count, 100));
        return view.get(targetId).map(policy -> Response.ok(nextRuns.of(policy, Instant.now(), runs)).build())
                .orElseGet(() -> notFound(targetId));
    }

    /**
     * Checks a policy without defining it.
     *
     * @param body the policy, JSON or YAML
     * @return 200 with no problems, or 400 with every problem
     */
    @POST
    @Path("/validate")
    @Consumes({MediaType.APPLICATION_JSON, "application/yaml", MediaType.TEXT_PLAIN})
    public Response validate(String body) {
        ParsedSpec parsed = ParsedSpec.parse(body, null);
        if (parsed.failure() != null) {
            return parsed.failure();
        }
        PolicyCheck check = PolicyRules.check(parsed.spec());
        if (!check.ok()) {
            return rejected(parsed.spec().targetId(), check);
        }
        return Response.ok(new ApiProblem("no problems", List.of(), check.warnings())).build();
    }

    /**
     * Defines a policy whose target id is in the body.
     *
     * @param body the policy, JSON or YAML
     * @param user who asks, recorded as {@code definedBy}
     * @return see {@link #put}
     * @throws InterruptedException when interrupted while waiting for the policy to be in force
     */
    @POST
    @Consumes({MediaType.APPLICATION_JSON, "application/yaml", MediaType.TEXT_PLAIN})
    public Response create(String body, @HeaderParam(USER_HEADER) String user) throws InterruptedException {
        return define(ParsedSpec.parse(body, null), user);
    }

    /**
     * Creates or replaces the policy of a target.
     *
     * @param targetId the target
     * @param body the policy, JSON or YAML; its target id, when present, must be {@code targetId}
     * @param user who asks, recorded as {@code definedBy}
     * @return 201 (new) or 200 (replaced or unchanged) with the policy in force, 202 when it was sent but is not yet
     *         in force, 400 with every problem
     * @throws InterruptedException when interrupted while waiting for the policy to be in force
     */
    @PUT
    @Path("/{targetId}")
    @Consumes({MediaType.APPLICATION_JSON, "application/yaml", MediaType.TEXT_PLAIN})
    public Response put(@PathParam("targetId") String targetId, String body, @HeaderParam(USER_HEADER) String user)
            throws InterruptedException {
        return define(ParsedSpec.parse(body, targetId), user);
    }

    /**
     * Takes a target out of protection; its backups stay.
     *
     * @param targetId the target
     * @param user who asks
     * @return 204 once removed, 202 when sent but not yet applied, 404 when the target has no policy
     * @throws InterruptedException when interrupted while waiting
     */
    @DELETE
    @Path("/{targetId}")
    public Response delete(@PathParam("targetId") String targetId, @HeaderParam(USER_HEADER) String user)
            throws InterruptedException {
        if (view.get(targetId).isEmpty()) {
            return notFound(targetId);
        }
        RemovePolicy remove = new RemovePolicy(UUID.randomUUID().toString(), targetId, requester(user), null, 1);
        publisher.publish(remove);
        if (view.await(targetId, policy -> policy == null, PATIENCE)) {
            return Response.noContent().build();
        }
        return Response.accepted(new PolicyResult(null, remove.commandId(), "accepted", List.of())).build();
    }

    private Response define(ParsedSpec parsed, String user) throws InterruptedException {
        if (parsed.failure() != null) {
            return parsed.failure();
        }
        PolicySpec spec = parsed.spec();
        PolicyCheck check = PolicyRules.check(spec);
        if (!check.ok()) {
            return rejected(spec.targetId(), check);
        }
        String commandId = UUID.randomUUID().toString();
        PolicyDefined wanted;
        try {
            wanted = PolicyRules.define(spec, requester(user), Instant.now(), commandId);
        } catch (PolicyRejectedException e) {
            return ApiProblem.of(Status.BAD_REQUEST, e.getMessage(), e.problems(), List.of());
        }
        PolicyDefined current = view.get(wanted.targetId()).orElse(null);
        if (current != null && PolicyChanges.sameContent(current, wanted)) {
            return Response.ok(new PolicyResult(current, null, "unchanged", check.warnings())).build();
        }
        publisher.publish(new DefinePolicy(commandId, spec, requester(user), null, 1));
        if (view.await(wanted.targetId(), policy -> policy != null && commandId.equals(policy.commandId()),
                PATIENCE)) {
            PolicyDefined defined = view.get(wanted.targetId()).orElseThrow();
            return Response.status(current == null ? Status.CREATED : Status.OK)
                    .entity(new PolicyResult(defined, commandId, "defined", check.warnings())).build();
        }
        return Response.accepted(new PolicyResult(null, commandId, "accepted", check.warnings())).build();
    }

    private static Response rejected(String targetId, PolicyCheck check) {
        String subject = targetId == null ? "policy without a target id" : "policy of target '" + targetId + "'";
        return ApiProblem.of(Status.BAD_REQUEST, subject + " rejected: " + check.errors().size() + " problem(s)",
                check.errors(), check.warnings());
    }

    private static Response notFound(String targetId) {
        return ApiProblem.of(Status.NOT_FOUND, "target '" + targetId + "' has no policy");
    }

    private static String requester(String user) {
        return user == null || user.isBlank() ? "rest-api" : user.trim();
    }

    /** A request body read as a policy, or the 400 answer explaining why it could not be. */
    private record ParsedSpec(PolicySpec spec, Response failure) {

        static ParsedSpec parse(String body, String pathTargetId) {
            if (body == null || body.isBlank()) {
                return new ParsedSpec(null, ApiProblem.of(Status.BAD_REQUEST, "the request has no policy in its body"));
            }
            PolicySpec spec;
            try {
                spec = body.stripLeading().startsWith("{")
                        ? PolicyMapper.readSpec(body)
                        : PolicyMapper.yaml().readValue(body, PolicySpec.class);
            } catch (JsonProcessingException e) {
                return new ParsedSpec(null, ApiProblem.of(Status.BAD_REQUEST, "the policy cannot be read",
                        PolicyMapper.describe(e), List.of()));
            }
            if (spec == null) {
                return new ParsedSpec(null, ApiProblem.of(Status.BAD_REQUEST, "the request has no policy in its body"));
            }
            if (pathTargetId != null) {
                if (spec.targetId() != null && !spec.targetId().equals(pathTargetId)) {
                    return new ParsedSpec(null, ApiProblem.of(Status.BAD_REQUEST, "the body names target '"
                            + spec.targetId() + "' but the path names '" + pathTargetId + "'"));
                }
                spec = spec.withTargetId(pathTargetId);
            }
            return new ParsedSpec(spec, null);
        }
    }
}
