package io.lifeboat.agentkit.agent.runner;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import io.lifeboat.agentkit.agent.RestoreEngine;
import io.lifeboat.agentkit.agent.RestoreEngine.RestoreFailure;
import io.lifeboat.agentkit.agent.RestoreEngine.RestoreResult;
import io.lifeboat.agentkit.agent.config.AgentConfig;
import io.lifeboat.agentkit.agent.domain.BackupIds;
import io.lifeboat.agentkit.agent.messaging.FactPublisher;
import io.lifeboat.agentkit.pipeline.ArtifactPipeline;
import io.lifeboat.agentkit.pipeline.Manifest;
import io.lifeboat.events.LifeboatMessage;
import io.lifeboat.events.backup.RestoreBackup;
import io.lifeboat.events.backup.RestoreCompleted;
import io.lifeboat.events.backup.RestoreFailed;
import io.lifeboat.events.envelope.Envelope;
import io.quarkus.runtime.ShutdownEvent;

/**
 * Runs {@link RestoreBackup} commands off the consumer thread, {@code lifeboat.agent.restore-concurrency} at a
 * time: picks the backup, calls the {@link RestoreEngine}, writes exactly one outcome fact and only then
 * acknowledges; a redelivered command joins the running restore, and shutdown cancels without fact or ack.
 */
@ApplicationScoped
public class RestoreRunner {

    private static final Logger LOG = Logger.getLogger(RestoreRunner.class);

    @Inject
    Instance<RestoreEngine> engines;

    @Inject
    ArtifactPipeline pipeline;

    @Inject
    FactPublisher publisher;

    @Inject
    BackupFacts facts;

    @Inject
    AgentConfig config;

    private ExecutorService workers;
    private ScheduledExecutorService timer;
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private volatile boolean closing;

    @PostConstruct
    void init() {
        AtomicInteger threads = new AtomicInteger();
        workers = Executors.newFixedThreadPool(config.restoreConcurrency(),
                task -> new Thread(task, "lifeboat-restore-" + threads.incrementAndGet()));
        timer = Executors.newSingleThreadScheduledExecutor(task -> new Thread(task, "lifeboat-restore-timer"));
    }

    /** Queues a restore; {@code ack} runs once its outcome fact is written. Returns at once. */
    public synchronized CompletionStage<Void> submit(Envelope<RestoreBackup> command,
            Supplier<CompletionStage<Void>> ack) {
        if (closing) {
            return CompletableFuture.completedFuture(null);
        }
        String restoreId = BackupIds.restoreId(command.payload());
        Job running = jobs.get(restoreId);
        if (running != null) {
            LOG.infof("command '%s' delivered again while restore '%s' is queued or running; acknowledged with it",
                    command.payload().commandId(), restoreId);
            running.acks.add(ack);
            return CompletableFuture.completedFuture(null);
        }
        Job job = new Job(command, restoreId);
        job.acks.add(ack);
        jobs.put(restoreId, job);
        FutureTask<Void> task = new FutureTask<>(() -> run(job), null);
        job.future = task;
        workers.execute(task);
        return CompletableFuture.completedFuture(null);
    }

    private void run(Job job) {
        RestoreBackup restore = job.command.payload();
        MDC.put("restoreId", job.restoreId);
        MDC.put("correlationId", job.command.correlationId());
        var timeout = timer.schedule(() -> {
            job.timedOut = true;
            job.future.cancel(true);
        }, config.maxDuration().toMillis(), TimeUnit.MILLISECONDS);
        try {
            Envelope<?> outcome = execute(job, restore);
            if (outcome != null) {
                finish(job, outcome);
            }
        } finally {
            timeout.cancel(false);
            jobs.remove(job.restoreId, job);
            MDC.remove("restoreId");
            MDC.remove("correlationId");
        }
    }

    private Envelope<?> execute(Job job, RestoreBackup restore) {
        String what = "restore of target '" + restore.targetId() + "' into '" + restore.destination() + "'";
        Instant startedAt = Instant.now();
        if (restore.deadline() != null && startedAt.isAfter(restore.deadline())) {
            return failed(job, null, "schedule", what + " not started: its deadline " + restore.deadline()
                    + " passed before it could start at " + startedAt, false);
        }
        if (engines.isUnsatisfied()) {
            return failed(job, null, "select", "the " + facts.source() + " agent cannot restore: it has no restore "
                    + "engine; " + what + " refused", false);
        }
        RestoreEngine engine = engines.get();
        Manifest backup = null;
        try {
            List<Manifest> stored = pipeline.manifests(restore.targetId());
            Optional<Manifest> chosen = engine.choose(restore, stored);
            if (chosen.isEmpty()) {
                return failed(job, null, "select", what + " has no backup to start from: " + describeChoice(restore)
                        + " (" + stored.size() + " completed backups stored)", false);
            }
            backup = chosen.get();
            LOG.infof("%s starts from backup '%s'", what, backup.backupId());
            RestoreResult result = engine.restore(restore, backup);
            return outcome(job, ".completed", new RestoreCompleted(restore.commandId(), restore.targetId(),
                    backup.backupId(), restore.destination(), result.restoredTo(), result.restoredToPosition(),
                    result.restoredBytes(), startedAt, Instant.now()));
        } catch (RestoreFailure e) {
            LOG.warnf(e, "%s failed in step %s", what, e.step());
            return failed(job, backup, e.step(), e.getMessage(), e.retryable());
        } catch (Exception | Error e) {
            if (closing && !job.timedOut) {
                LOG.infof("%s cancelled by shutdown; its command will be redelivered", what);
                return null;
            }
            String reason = job.timedOut
                    ? what + " exceeded the maximum duration " + config.maxDuration()
                            + " (lifeboat.agent.max-duration) and was cancelled"
                    : what + " failed: " + e;
            LOG.warn(reason, e);
            return failed(job, backup, job.timedOut ? "timeout" : "restore", reason, true);
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

    private Envelope<RestoreFailed> failed(Job job, Manifest backup, String step, String reason, boolean retryable) {
        RestoreBackup restore = job.command.payload();
        return outcome(job, ".failed", new RestoreFailed(restore.commandId(), restore.targetId(),
                backup == null ? null : backup.backupId(), restore.destination(), step, reason, retryable,
                Instant.now()));
    }

    /** Outcome ids derive from the restore id, so an outcome written again after a redelivery is the same event. */
    private <T extends LifeboatMessage> Envelope<T> outcome(Job job, String suffix, T payload) {
        return new Envelope<>(job.restoreId + suffix, facts.source(), Instant.now(), job.command.correlationId(),
                job.command.id(), payload);
    }

    private void finish(Job job, Envelope<?> outcome) {
        try {
            publisher.publish(outcome);
        } catch (RuntimeException e) {
            LOG.errorf("%s; the restore command stays unacknowledged and is redelivered after a restart",
                    e.getMessage());
            return;
        }
        List<Supplier<CompletionStage<Void>>> acks;
        synchronized (this) {
            jobs.remove(job.restoreId, job);
            acks = new ArrayList<>(job.acks);
        }
        for (Supplier<CompletionStage<Void>> ack : acks) {
            ack.get().whenComplete((ok, failure) -> {
                if (failure != null) {
                    LOG.warnf("unable to acknowledge restore command '%s': %s", job.restoreId, failure.toString());
                }
            });
        }
    }

    void shutdown(@Observes ShutdownEvent event) throws InterruptedException {
        synchronized (this) {
            closing = true;
        }
        jobs.values().forEach(job -> job.future.cancel(true));
        workers.shutdownNow();
        if (!workers.awaitTermination(config.shutdownGrace().toMillis(), TimeUnit.MILLISECONDS)) {
            LOG.warnf("restores %s did not stop within %s", jobs.keySet(), config.shutdownGrace());
        }
        timer.shutdownNow();
    }

    /** One restore command and every delivery of it waiting for its outcome. */
    private static final class Job {
        final Envelope<RestoreBackup> command;
        final String restoreId;
        final List<Supplier<CompletionStage<Void>>> acks = new CopyOnWriteArrayList<>();
        volatile Future<?> future;
        volatile boolean timedOut;

        Job(Envelope<RestoreBackup> command, String restoreId) {
            this.command = command;
            this.restoreId = restoreId;
        }
    }
}
