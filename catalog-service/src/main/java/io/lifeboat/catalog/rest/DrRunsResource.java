package io.lifeboat.catalog.rest;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The DR timeline: failovers, restores, recoveries and drills with their steps and outcomes, newest first.
 */
@Path("/api/dr")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "dr", description = "DR runs as the orchestrator published them, with their outcomes")
public class DrRunsResource {

    @Inject
    CatalogQueries queries;

    /**
     * DR runs, newest first.
     *
     * @param targetId only the runs of this target, when given
     * @param limit at most this many
     * @return the runs
     */
    @GET
    @Path("runs")
    @Operation(summary = "DR runs, newest first: kind, state, steps, approvals and outcome summary", description = "Runs that ended more than 30 days ago, and ended runs beyond a target's newest 200, are dropped.")
    public List<DrRunView> runs(
            @Parameter(description = "only the runs of this target") @QueryParam("target") String targetId,
            @Parameter(description = "at most this many") @QueryParam("limit") @DefaultValue("50") int limit) {
        String target = targetId == null || targetId.isBlank() ? null : targetId;
        return DrRunViews.newestFirst(queries.drRuns(target), limit);
    }
}
