package io.lifeboat.catalog.rest;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.lifeboat.catalog.domain.dr.DrRun;

/**
 * Answers other catalog instances with the DR runs of this instance's store only; {@code /api/dr/runs} fans out
 * through it.
 */
@Path("/api/internal/dr/runs")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "internal", description = "Instance-local store reads used by other catalog instances")
public class InternalDrResource {

    @Inject
    CatalogQueries queries;

    /**
     * The DR runs held by this instance.
     *
     * @param targetId only the runs of this target, when given
     * @return the stored runs
     */
    @GET
    @Operation(summary = "DR runs held by this instance")
    public List<DrRun> runs(@QueryParam("target") String targetId) {
        return queries.localDrRuns(targetId == null || targetId.isBlank() ? null : targetId);
    }
}
