package io.lifeboat.scheduler.rest;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;

import io.lifeboat.events.backup.BackupType;
import io.lifeboat.events.backup.RunBackup;
import io.lifeboat.events.envelope.TraceContext;
import io.lifeboat.events.policy.PolicyDefined;
import io.lifeboat.scheduler.policy.EngineCapabilities;

/**
 * Backups on request, e.g. before a migration: {@code POST /api/targets/{id}/backups} (also served at
 * {@code /targets/{id}/backups}) publishes the same {@code RunBackup} any system may publish itself to the engine's
 * command topic. An {@code Idempotency-Key} header becomes the command id, so a retried request runs one backup; a
 * W3C {@code traceparent} header puts the command and the agent's facts in the caller's trace.
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class BackupTriggerResource {

    private static final Duration DEADLINE = Duration.ofHours(1);

    @Inject
    PolicyView view;
    @Inject
    CommandPublisher publisher;

    /**
     * What to back up; every field is optional.
     *
     * @param backupType kind of backup; the policy's first scheduled type, or FULL, when absent
     * @param requestedBy who asks; the {@code X-Lifeboat-User} header or {@code rest-api} when absent
     */
    public record BackupRequest(BackupType backupType, String requestedBy) {
    }

    /**
     * The command a request published.
     *
     * @param commandId id of the RunBackup; the agent's facts carry it
     * @param targetId the target
     * @param backupType kind of backup
     * @param topic the command topic it was written to
     * @param deadline instant after which the agent will not start it
     */
    public record BackupAccepted(String commandId, String targetId, BackupType backupType, String topic,
            Instant deadline) {
    }

    /**
     * Asks for a backup of a target now.
     *
     * @param targetId the target
     * @param request what to back up (optional body)
     * @param idempotencyKey command id to use (optional)
     * @param user who asks (optional)
     * @param traceparent the caller's W3C trace context (optional)
     * @param tracestate the caller's W3C trace state (optional)
     * @return 202 with the command, 404 when the target has no policy, 400 when its engine does not take the type
     */
    @POST
    @Path("api/targets/{targetId}/backups")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response backup(@PathParam("targetId") String targetId, BackupRequest request,
            @HeaderParam("Idempotency-Key") String idempotencyKey, @HeaderParam("X-Lifeboat-User") String user,
            @HeaderParam(TraceContext.TRACEPARENT) String traceparent,
            @HeaderParam(TraceContext.TRACESTATE) String tracestate) {
        PolicyDefined policy = view.get(targetId).orElse(null);
        if (policy == null) {
            return ApiProblem.of(Status.NOT_FOUND, "target '" + targetId + "' has no policy, so its engine is unknown;"
                    + " define one, or publish RunBackup with the engine to lifeboat.commands.<engine> yourself");
        }
        BackupType type = request != null && request.backupType() != null
                ? request.backupType()
                : policy.schedules().isEmpty() ? BackupType.FULL : policy.schedules().get(0).backupType();
        if (!EngineCapabilities.backupTypes(policy.engine()).contains(type)) {
            return ApiProblem.of(Status.BAD_REQUEST, "backupType " + type + " is not taken by the "
                    + policy.engine().id() + " agent of target '" + targetId + "'; it takes "
                    + EngineCapabilities.backupTypes(policy.engine()));
        }
        String requester = request != null && request.requestedBy() != null && !request.requestedBy().isBlank()
                ? request.requestedBy()
                : user == null || user.isBlank() ? "rest-api" : user;
        String commandId = idempotencyKey == null || idempotencyKey.isBlank()
                ? UUID.randomUUID().toString()
                : idempotencyKey.trim();
        Instant now = Instant.now();
        RunBackup run = new RunBackup(commandId, targetId, policy.engine(), type, requester, now, now.plus(DEADLINE),
                1);
        String topic = publisher.publish(run, traceparent, tracestate);
        return Response.accepted(new BackupAccepted(commandId, targetId, type, topic, run.deadline())).build();
    }

    /**
     * The same as {@link #backup} at the path without the {@code /api} prefix.
     *
     * @param targetId the target
     * @param request what to back up (optional body)
     * @param idempotencyKey command id to use (optional)
     * @param user who asks (optional)
     * @param traceparent the caller's W3C trace context (optional)
     * @param tracestate the caller's W3C trace state (optional)
     * @return see {@link #backup}
     */
    @POST
    @Path("targets/{targetId}/backups")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response backupAlias(@PathParam("targetId") String targetId, BackupRequest request,
            @HeaderParam("Idempotency-Key") String idempotencyKey, @HeaderParam("X-Lifeboat-User") String user,
            @HeaderParam(TraceContext.TRACEPARENT) String traceparent,
            @HeaderParam(TraceContext.TRACESTATE) String tracestate) {
        return backup(targetId, request, idempotencyKey, user, traceparent, tracestate);
    }
}
