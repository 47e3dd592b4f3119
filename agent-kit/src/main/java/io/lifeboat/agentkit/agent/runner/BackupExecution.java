package io.lifeboat.agentkit.agent.runner;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.lifeboat.agentkit.agent.BackupEngine;
import io.lifeboat.agentkit.agent.BackupStored;
import io.lifeboat.agentkit.agent.config.AgentConfig;
import io.lifeboat.agentkit.agent.domain.ProgressThrottle;
import io.lifeboat.agentkit.agent.messaging.FactNotWrittenException;
import io.lifeboat.agentkit.agent.messaging.FactPublisher;
import io.lifeboat.agentkit.agent.metrics.BackupMetrics;
import io.lifeboat.agentkit.pipeline.ArtifactPipeline;
import io.lifeboat.agentkit.pipeline.ArtifactSink;
import io.lifeboat.agentkit.pipeline.ArtifactSpec;
import io.lifeboat.agentkit.pipeline.Manifest;
import io.lifeboat.agentkit.storage.WriteOptions;
import io.lifeboat.events.backup.RunBackup;
import io.lifeboat.events.envelope.Envelope;

/**
 * Runs one {@link BackupJob} on a backup thread: re-emits the outcome of an already stored backup, refuses one past
 * its deadline, otherwise streams the engine through the artifact pipeline, then writes exactly one outcome fact and
 * only then acknowledges the command.
 */
@ApplicationScoped
public class BackupExecution {

    private static final Logger LOG = Logger.getLogger(BackupExecution.class);

    @Inject
    BackupEngine engine;

    @Inject
    ArtifactPipeline pipeline;

    @Inject
    FactPublisher publisher;

    @Inject
    BackupFacts facts;

    @Inject
    BackupMetrics metrics;

    @Inject
    AgentConfig config;

    @Inject
    Event<BackupStored> stored;

    /** Returns true when the outcome was written and the command acknowledged; false when it awaits redelivery. */
    boolean run(BackupJob job) {
        Envelope<RunBackup> command = job.command;
        RunBackup run = command.payload();
        String backup = "backup '" + job.backupId + "' of target '" + run.targetId() + "'";
        Optional<Manifest> earlier;
        try {
            job.step("lookup");
            earlier = pipeline.manifest(run.targetId(), job.backupId);
        } catch (Exception e) {
            return job.cancelled() == null && finish(job, facts.failed(command, job.backupId, "lookup",
                    "unable to look up the manifest of " + backup + ": " + e, true));
        }
        if (earlier.isPresent()) {
            LOG.infof("%s is already stored; re-emitting its completion instead of running it again", backup);
            return finish(job, facts.completed(command, earlier.get()));
        }
        Instant now = Instant.now();
        if (run.deadline() != null && now.isAfter(run.deadline())) {
            metrics.failed(run.targetId(), Duration.ZERO);
            return finish(job, facts.failed(command, job.backupId, "schedule", backup + " not started: its deadline "
                    + run.deadline() + " passed before it could start at " + now, false));
        }
        try {
            publisher.publish(facts.started(command, job.backupId, now));
        } catch (FactNotWrittenException e) {
            LOG.errorf("%s not started: %s", backup, e.getMessage());
            return false;
        }
        metrics.started(run.targetId());
        Manifest manifest;
        try {
            manifest = stream(job, now);
        } catch (Exception | Error e) {
            // Errors too (a missing class in an engine, a stack overflow): an uncaught one would end the thread with
            // no outcome, and the unacknowledged command would hold the committed offset back for good.
            BackupJob.Cancel cancel = job.cancelled();
            if (cancel == BackupJob.Cancel.SHUTDOWN) {
                LOG.infof("%s cancelled by shutdown; its command will be redelivered", backup);
                return false;
            }
            metrics.failed(run.targetId(), Duration.between(now, Instant.now()));
            String reason = cancel == BackupJob.Cancel.TIMEOUT
                    ? backup + " exceeded the maximum duration " + config.maxDuration()
                            + " (lifeboat.agent.max-duration) in step " + job.step() + " and was cancelled"
                    : backup + " failed in step " + job.step() + ": " + e;
            LOG.warn(reason, e);
            return finish(job, facts.failed(command, job.backupId, job.step(), reason, true));
        } finally {
            metrics.stopped(run.targetId());
        }
        metrics.completed(run.targetId(), Duration.between(manifest.startedAt(), manifest.completedAt()),
                manifest.sizes().stored());
        LOG.infof("%s completed: %d raw bytes, %d stored bytes", backup, manifest.sizes().raw(),
                manifest.sizes().stored());
        boolean written = finish(job, facts.completed(command, manifest));
        if (written) {
            announce(run, manifest);
        }
        return written;
    }

    /** Tells the engine's observers (e.g. a snapshot-bounded archive report) that a backup is stored and announced. */
    private void announce(RunBackup run, Manifest manifest) {
        try {
            stored.fire(new BackupStored(run, manifest));
        } catch (RuntimeException e) {
            LOG.warnf("an observer of stored backup '%s' failed: %s", manifest.backupId(), e.toString());
        }
    }

    private Manifest stream(BackupJob job, Instant startedAt) throws Exception {
        RunBackup run = job.command.payload();
        ArtifactSpec spec = new ArtifactSpec(run.targetId(), job.backupId, run.engine(), run.backupType(),
                WriteOptions.of(config.storageClass()));
        job.step("upload");
        try (ArtifactSink sink = pipeline.create(spec)) {
            ProgressThrottle throttle = new ProgressThrottle(config.progressInterval(), startedAt);
            ProgressStream out = new ProgressStream(sink.stream(), raw -> {
                if (throttle.due(Instant.now(), raw)) {
                    publisher.publishLater(facts.progressed(job.command, job.backupId, sink.progress()));
                }
            });
            job.step("read");
            Map<String, Object> metadata;
            try {
                metadata = engine.backup(run, out);
            } catch (Exception e) {
                if (out.uploadFailed()) {
                    job.step("upload");
                }
                throw e;
            }
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedException("backup cancelled after the engine returned");
            }
            job.step("manifest");
            return sink.complete(metadata == null ? Map.of() : metadata);
        } finally {
            try {
                engine.streamEnded(run, job.backupId);
            } catch (RuntimeException e) {
                LOG.warnf("the engine's end-of-stream step of backup '%s' failed: %s", job.backupId, e.toString());
            }
        }
    }

    /** Writes the outcome, then acknowledges every delivery of the command. */
    private boolean finish(BackupJob job, Envelope<?> outcome) {
        job.outcomeReached();
        try {
            publisher.publish(outcome);
        } catch (RuntimeException e) {
            LOG.errorf("%s; the command stays unacknowledged and is redelivered after a restart or rebalance",
                    e.getMessage());
            return false;
        }
        for (Supplier<CompletionStage<Void>> ack : job.seal()) {
            ack.get().whenComplete((ok, failure) -> {
                if (failure != null) {
                    LOG.warnf("unable to acknowledge command of backup '%s': %s", job.backupId, failure.toString());
                }
            });
        }
        return true;
    }
}
