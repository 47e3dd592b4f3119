package io.lifeboat.health.rest;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.lifeboat.health.monitor.MonitorScheduler;
import io.lifeboat.health.monitor.TargetSnapshot;

/**
 * Lists what this monitor currently knows of each target: status, failed rounds in a row, last observations.
 */
@Path("/api/health/targets")
@Produces(MediaType.APPLICATION_JSON)
public class TargetsResource {

    private final MonitorScheduler scheduler;

    TargetsResource(MonitorScheduler scheduler) {
        this.scheduler = scheduler;
    }

    /**
     * Lists every watched target.
     *
     * @return one snapshot per target, in target id order
     */
    @GET
    public List<TargetSnapshot> targets() {
        return scheduler.snapshots();
    }
}
