package io.lifeboat.catalog.rest;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.lifeboat.catalog.config.CatalogConfig;
import io.lifeboat.catalog.domain.Chains;
import io.lifeboat.catalog.domain.RpoMeter;
import io.lifeboat.catalog.domain.TargetState;
import io.lifeboat.catalog.domain.plan.RestorableWindow;
import io.lifeboat.catalog.domain.plan.RestorableWindows;
import io.lifeboat.catalog.domain.plan.RestorePlan;
import io.lifeboat.catalog.domain.plan.RestorePlanner;
import io.lifeboat.events.backup.BackupPhase;
import io.lifeboat.events.catalog.CatalogEntry;

/**
 * The catalog's query API: targets with status and lag, their backups, restorable windows and restore plans.
 */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "catalog", description = "Backups, restorable windows, RPO lag and restore plans of every target")
public class TargetsResource {

    private static final Comparator<CatalogEntry> NEWEST_FIRST = Comparator
            .comparing((CatalogEntry e) -> e.startedAt() != null ? e.startedAt() : e.updatedAt()).reversed();

    @Inject
    CatalogQueries queries;

    @Inject
    RestorePlanner planner;

    @Inject
    CatalogConfig config;

    @GET
    @Path("targets")
    @Operation(summary = "Every target with its status, RPO lag, last backups and restorable bounds", description = "Red targets first, then amber, green and unprotected; lag is measured at query time.")
    public List<TargetView> targets() {
        Instant now = Instant.now();
        TargetViews views = views();
        return queries.allTargets().stream().map(state -> views.of(state, now))
                .sorted(Comparator.comparingInt((TargetView v) -> rank(v.status()))
                        .thenComparing(TargetView::targetId))
                .toList();
    }

    @GET
    @Path("targets/{targetId}")
    @Operation(summary = "One target with its status, RPO lag, archive, log gaps and recent events")
    public TargetView target(@PathParam("targetId") String targetId) {
        return views().of(state(targetId), Instant.now());
    }

    @GET
    @Path("targets/{targetId}/backups")
    @Operation(summary = "Backups of a target, newest first")
    public List<CatalogEntry> backups(@PathParam("targetId") String targetId,
            @Parameter(description = "only backups in this phase") @QueryParam("phase") BackupPhase phase,
            @Parameter(description = "at most this many") @QueryParam("limit") @DefaultValue("500") int limit) {
        return queries.backups(targetId).stream().filter(e -> phase == null || e.phase() == phase)
                .sorted(NEWEST_FIRST).limit(Math.max(0, limit)).toList();
    }

    @GET
    @Path("targets/{targetId}/backups/{backupId}")
    @Operation(summary = "One backup of a target")
    public CatalogEntry backup(@PathParam("targetId") String targetId, @PathParam("backupId") String backupId) {
        return queries.backups(targetId).stream().filter(e -> e.backupId().equals(backupId)).findFirst()
                .orElseThrow(() -> new NotFoundException("backup '" + backupId + "' of target '" + targetId
                        + "' is not in the catalog"));
    }

    @GET
    @Path("targets/{targetId}/window")
    @Operation(summary = "Restorable window of a target: earliest and latest restorable point, ranges, log gaps")
    public RestorableWindow window(@PathParam("targetId") String targetId) {
        TargetState state = state(targetId);
        return RestorableWindows.of(state, new Chains(queries.backups(targetId)));
    }

    @GET
    @Path("targets/{targetId}/restore-plan")
    @Operation(summary = "The minimal chain of backups and log that restores a target to a point in time", description = "Storage classes of every step and an RTO estimate with cold-tier retrieval counted.")
    public RestorePlan restorePlan(@PathParam("targetId") String targetId,
            @Parameter(description = "ISO-8601 instant to restore to; the newest restorable point when absent") @QueryParam("at") String at) {
        TargetState state = state(targetId);
        return planner.plan(state, new Chains(queries.backups(targetId)), instant(at));
    }

    @GET
    @Path("events")
    @Operation(summary = "Recent events of every target, newest first: failures, RPO edges, health, DR")
    public List<RecentEvent> events(@QueryParam("limit") @DefaultValue("50") int limit) {
        return queries.allTargets().stream()
                .flatMap(state -> state.getNotes().stream().map(note -> new RecentEvent(state.getTargetId(), note)))
                .sorted(Comparator.comparing((RecentEvent e) -> e.note().at()).reversed())
                .limit(Math.max(0, limit)).toList();
    }

    private static int rank(TargetStatus status) {
        return switch (status) {
            case RED -> 0;
            case AMBER -> 1;
            case GREEN -> 2;
            case UNPROTECTED -> 3;
        };
    }

    private TargetState state(String targetId) {
        return queries.target(targetId).orElseThrow(
                () -> new NotFoundException("target '" + targetId + "' is not in the catalog"));
    }

    private TargetViews views() {
        return new TargetViews(new RpoMeter(config.rpo().restoreRatio()));
    }

    private static Instant instant(String at) {
        if (at == null || at.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(at);
        } catch (DateTimeParseException e) {
            throw new BadRequestException("'at' must be an ISO-8601 instant such as 2026-11-21T02:00:00Z, got '" + at
                    + "'");
        }
    }
}
