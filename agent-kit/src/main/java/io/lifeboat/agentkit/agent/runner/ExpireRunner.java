package io.lifeboat.agentkit.agent.runner;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.lifeboat.agentkit.agent.ExpireEngine;
import io.lifeboat.agentkit.agent.domain.BackupIds;
import io.lifeboat.agentkit.pipeline.ArtifactPipeline;
import io.lifeboat.events.backup.BackupsExpired;
import io.lifeboat.events.backup.ExpireBackups;
import io.lifeboat.events.backup.ExpireFailed;
import io.lifeboat.events.envelope.Envelope;

/**
 * Handles {@link ExpireBackups}, the catalog's retention decision: deletes each named backup (manifest first, so
 * none is ever seen half deleted; a backup already gone counts as expired, so a redelivered command is harmless),
 * then lets the engine's {@link ExpireEngine} reclaim shared storage, and writes {@code BackupsExpired} with the
 * bytes released or {@code ExpireFailed} naming what is left; {@link CommandJobs} runs it.
 */
@ApplicationScoped
public class ExpireRunner {

    private static final Logger LOG = Logger.getLogger(ExpireRunner.class);

    @Inject
    Instance<ExpireEngine> engines;

    @Inject
    ArtifactPipeline pipeline;

    @Inject
    CommandJobs jobs;

    /** Queues an expiry; {@code ack} runs once its outcome fact is written. Returns at once. */
    public CompletionStage<Void> submit(Envelope<ExpireBackups> command, Supplier<CompletionStage<Void>> ack) {
        return jobs.submit(BackupIds.expireId(command.payload()), command, ack, job -> execute(job, command));
    }

    private Envelope<?> execute(CommandJobs.Job job, Envelope<ExpireBackups> command) {
        ExpireBackups expire = command.payload();
        String target = "target '" + expire.targetId() + "'";
        Instant now = Instant.now();
        List<String> expired = new ArrayList<>();
        if (expire.deadline() != null && now.isAfter(expire.deadline())) {
            return failed(job, expire, expired, "schedule", "expiry of " + expire.backupIds().size() + " backups of "
                    + target + " not started: its deadline " + expire.deadline() + " passed before it could start at "
                    + now, false);
        }
        long freed = 0;
        String step = "delete";
        try {
            for (String backupId : expire.backupIds()) {
                freed += pipeline.delete(expire.targetId(), backupId);
                expired.add(backupId);
            }
            if (engines.isResolvable()) {
                step = "reclaim";
                freed += engines.get().reclaim(expire, pipeline.manifests(expire.targetId()));
            }
        } catch (Exception | Error e) {
            if (job.cancelledByShutdown()) {
                LOG.infof("expiry of backups of %s cancelled by shutdown; its command will be redelivered", target);
                return null;
            }
            String reason = (step.equals("delete")
                    ? "unable to delete backup '" + expire.backupIds().get(expired.size()) + "' of " + target
                    : "the backups of " + target + " were deleted but reclaiming shared storage failed")
                    + (job.timedOut() ? ": the maximum duration was exceeded" : ": " + e.getMessage());
            LOG.warn(reason, e);
            return failed(job, expire, expired, job.timedOut() ? "timeout" : step, reason, true);
        }
        LOG.infof("expired %d backups of %s (%s): %d stored bytes released", expired.size(), target,
                expire.reason(), freed);
        return job.outcome(".expired", new BackupsExpired(expire.commandId(), expire.targetId(), expired, freed,
                Instant.now()));
    }

    private static Envelope<ExpireFailed> failed(CommandJobs.Job job, ExpireBackups expire, List<String> expired,
            String step, String reason, boolean retryable) {
        List<String> remaining = expire.backupIds().stream().filter(id -> !expired.contains(id)).toList();
        return job.outcome(".failed", new ExpireFailed(expire.commandId(), expire.targetId(), List.copyOf(expired),
                remaining, step, reason, retryable, Instant.now()));
    }
}
