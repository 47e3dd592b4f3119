package io.lifeboat.catalog.rest;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.lifeboat.catalog.domain.TargetState;
import io.lifeboat.events.catalog.CatalogEntry;

/**
 * Answers other catalog instances from this instance's stores only; the public API fans out through these.
 */
@Path("/api/internal/targets")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "internal", description = "Instance-local store reads used by other catalog instances")
public class InternalResource {

    @Inject
    CatalogQueries queries;

    @GET
    @Operation(summary = "States of the targets held by this instance")
    public List<TargetState> targets() {
        return queries.localTargets();
    }

    @GET
    @Path("{targetId}")
    @Operation(summary = "State of one target held by this instance")
    public TargetState target(@PathParam("targetId") String targetId) {
        TargetState state = queries.localTarget(targetId);
        if (state == null) {
            throw new NotFoundException("target '" + targetId + "' is not in this instance's catalog");
        }
        return state;
    }

    @GET
    @Path("{targetId}/backups")
    @Operation(summary = "Catalog entries of one target held by this instance")
    public List<CatalogEntry> backups(@PathParam("targetId") String targetId) {
        return queries.localBackups(targetId);
    }
}
