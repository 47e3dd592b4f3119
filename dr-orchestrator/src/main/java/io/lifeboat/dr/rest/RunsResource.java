package io.lifeboat.dr.rest;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.lifeboat.dr.service.FailoverExecutor;
import io.lifeboat.events.dr.DrRunUpdated;

/**
 * The latest DR run of every target, as the run log holds it.
 */
@Path("/api/runs")
@Produces(MediaType.APPLICATION_JSON)
public class RunsResource {

    @Inject
    FailoverExecutor executor;

    /**
     * Lists the latest run per target.
     *
     * @return the runs, sorted by target id
     */
    @GET
    public List<DrRunUpdated> runs() {
        return executor.latestRuns();
    }
}
