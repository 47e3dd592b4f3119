package io.lifeboat.agentkit.agent.runner;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.lifeboat.agentkit.agent.RestoreEngine;
import io.lifeboat.agentkit.agent.RestoreEngine.RestoreFailure;
import io.lifeboat.agentkit.agent.RestoreEngine.RestoreResult;
import io.lifeboat.agentkit.agent.config.AgentConfig;
import io.lifeboat.agentkit.agent.domain.BackupIds;
import io.lifeboat.agentkit.pipeline.ArtifactPipeline;
import io.lifeboat.agentkit.pipeline.Manifest;
import io.lifeboat.events.backup.RestoreBackup;
import io.lifeboat.events.backup.RestoreCompleted;
import io.lifeboat.events.backup.RestoreFailed;
import io.lifeboat.events.envelope.Envelope;

/**
 * Handles {@link RestoreBackup}: refuses one past its deadline, picks the backup, calls the {@link RestoreEngine}
 * and turns the result into {@code RestoreCompleted} or {@code RestoreFailed}; {@link CommandJobs} runs it.
 */
@ApplicationScoped
public class RestoreRunner {

    private static final Logger LOG = Logger.getLogger(RestoreRunner.class);

    @Inject
    Instance<RestoreEngine> engines;

    @Inject
    ArtifactPipeline pipeline;

    @Inject
    CommandJobs jobs;

    @Inject
    BackupFacts facts;

    @Inject
    AgentConfig config;

    /** Queues a restore; {@code ack} runs once its outcome fact is written. Returns at once. */
    public CompletionStage<Void> submit(Envelope<RestoreBackup> command, Supplier<CompletionStage<Void>> ack) {
        return jobs.submit(BackupIds.restoreId(command.payload()), command, ack, job -> execute(job, command));
    }

    private Envelope<?> execute(CommandJobs.Job job, Envelope<RestoreBackup> command) {
        RestoreBackup restore = command.payload();
        String what = "restore of target '" + restore.targetId() + "' into '" + restore.destination() + "'";
        Instant startedAt = Instant.now();
        if (restore.deadline() != null && startedAt.isAfter(restore.deadline())) {
            return failed(job, restore, null, "schedule", what + " not started: its deadline " + restore.deadline()
                    + " passed before it could start at " + startedAt, false);
        }
        if (engines.isUnsatisfied()) {
            return failed(job, restore, null, "select", "the " + facts.source() + " agent cannot restore: it has no "
                    + "restore engine; " + what + " refused", false);
        }
        RestoreEngine engine = engines.get();
        Manifest backup = null;
        try {
            List<Manifest> stored = pipeline.manifests(restore.targetId());
            Optional<Manifest> chosen = engine.choose(restore, stored);
            if (chosen.isEmpty()) {
                return failed(job, restore, null, "select", what + " has no backup to start from: "
                        + describeChoice(restore) + " (" + stored.size() + " completed backups stored)", false);
            }
            backup = chosen.get();
            LOG.infof("%s starts from backup '%s'", what, backup.backupId());
            RestoreResult result = engine.restore(restore, backup);
            return job.outcome(".completed", new RestoreCompleted(restore.commandId(), restore.targetId(),
                    backup.backupId(), restore.destination(), result.restoredTo(), result.restoredToPosition(),
                    result.restoredBytes(), result.counts().isEmpty() ? null : result.counts(), startedAt,
                    Instant.now()));
        } catch (RestoreFailure e) {
            LOG.warnf(e, "%s failed in step %s", what, e.step());
            return failed(job, restore, backup, e.step(), e.getMessage(), e.retryable());
        } catch (Exception | Error e) {
            if (job.cancelledByShutdown()) {
                LOG.infof("%s cancelled by shutdown; its command will be redelivered", what);
                return null;
            }
            String reason = job.timedOut()
                    ? what + " exceeded the maximum duration " + config.maxDuration()
                            + " (lifeboat.agent.max-duration) and was cancelled"
                    : what + " failed: " + e;
            LOG.warn(reason, e);
            return failed(job, restore, backup, job.timedOut() ? "timeout" : "restore", reason, true);
        }
    }

    private static String describeChoice(RestoreBackup restore) {
        if (restore.backupId() != null) {
            return "backup '" + restore.backupId() + "' is not stored or never completed";
        }
        if (restore.pointInTime() != null) {
            return "no replayable backup is consistent at or before " + restore.pointInTime();
        }
        return "no replayable backup is stored";
    }

    private static Envelope<RestoreFailed> failed(CommandJobs.Job job, RestoreBackup restore, Manifest backup,
            String step, String reason, boolean retryable) {
        return job.outcome(".failed", new RestoreFailed(restore.commandId(), restore.targetId(),
                backup == null ? null : backup.backupId(), restore.destination(), step, reason, retryable,
                Instant.now()));
    }
}
