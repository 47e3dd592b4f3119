package io.lifeboat.agentkit.agent.runner;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import io.lifeboat.agentkit.agent.config.AgentConfig;
import io.lifeboat.agentkit.agent.domain.BackupIds;
import io.lifeboat.agentkit.agent.domain.TargetQueue;
import io.lifeboat.events.backup.RunBackup;
import io.lifeboat.events.envelope.Envelope;
import io.quarkus.runtime.ShutdownEvent;

/**
 * Schedules backups off the consumer thread: one at a time per target, {@code lifeboat.agent.concurrency} in all,
 * backpressure on the consumer when {@code max-waiting} commands wait, a time limit per backup, and a shutdown that
 * cancels running backups without a fact or an acknowledgement so that their commands are redelivered.
 */
@ApplicationScoped
public class BackupRunner {

    private static final Logger LOG = Logger.getLogger(BackupRunner.class);

    @Inject
    AgentConfig config;

    @Inject
    BackupExecution execution;

    private TargetQueue<BackupJob> queue;
    private ExecutorService workers;
    private ScheduledExecutorService timer;
    private final Map<String, BackupJob> jobs = new ConcurrentHashMap<>();
    private final Set<String> awaitingRedelivery = ConcurrentHashMap.newKeySet();
    private volatile CompletableFuture<Void> room;
    private volatile boolean closing;

    @PostConstruct
    void init() {
        queue = new TargetQueue<>(config.concurrency());
        AtomicInteger threads = new AtomicInteger();
        workers = Executors.newFixedThreadPool(config.concurrency(),
                task -> new Thread(task, "lifeboat-backup-" + threads.incrementAndGet()));
        timer = Executors.newSingleThreadScheduledExecutor(task -> new Thread(task, "lifeboat-backup-timer"));
    }

    /**
     * Queues a backup; {@code ack} runs once its outcome fact is written. The stage completes when the queue has
     * room for the next command; during shutdown the command is dropped unacknowledged.
     */
    public synchronized CompletionStage<Void> submit(Envelope<RunBackup> command,
            Supplier<CompletionStage<Void>> ack) {
        if (closing) {
            return CompletableFuture.completedFuture(null);
        }
        String backupId = BackupIds.backupId(command.payload());
        BackupJob running = jobs.get(backupId);
        if (running != null && running.join(ack)) {
            LOG.infof("command '%s' delivered again while backup '%s' is queued or running; it is acknowledged with it",
                    command.payload().commandId(), backupId);
            return CompletableFuture.completedFuture(null);
        }
        BackupJob job = new BackupJob(command, backupId);
        job.join(ack);
        jobs.put(backupId, job);
        queue.add(job.targetId(), job);
        dispatch();
        if (queue.waiting() < config.maxWaiting()) {
            return CompletableFuture.completedFuture(null);
        }
        room = new CompletableFuture<>();
        return room;
    }

    private synchronized void dispatch() {
        for (BackupJob job : queue.startable()) {
            workers.execute(() -> run(job));
        }
        CompletableFuture<Void> waiter = room;
        if (waiter != null && queue.waiting() < config.maxWaiting()) {
            room = null;
            waiter.complete(null);
        }
    }

    private void run(BackupJob job) {
        MDC.put("backupId", job.backupId);
        MDC.put("correlationId", job.command.correlationId());
        if (job.command.trace() != null) {
            MDC.put("traceId", job.command.trace().traceId());
        }
        job.attach(Thread.currentThread(), Instant.now());
        var timeout = timer.schedule(() -> job.cancel(BackupJob.Cancel.TIMEOUT), config.maxDuration().toMillis(),
                TimeUnit.MILLISECONDS);
        try {
            if (execution.run(job)) {
                awaitingRedelivery.remove(job.backupId);
            } else if (!closing) {
                awaitingRedelivery.add(job.backupId);
            }
        } catch (RuntimeException e) {
            LOG.errorf(e, "backup '%s' of target '%s' stopped unexpectedly", job.backupId, job.targetId());
            awaitingRedelivery.add(job.backupId);
        } finally {
            timeout.cancel(false);
            job.detach();
            jobs.remove(job.backupId, job);
            queue.finished(job.targetId());
            MDC.remove("backupId");
            MDC.remove("correlationId");
            MDC.remove("traceId");
            dispatch();
        }
    }

    /** Why the runner is not healthy, or null: a command awaits redelivery, or a backup outlived its limit. */
    public String problem() {
        if (!awaitingRedelivery.isEmpty()) {
            return "the outcome of backups " + awaitingRedelivery + " could not be written; their commands are "
                    + "redelivered after a restart or rebalance";
        }
        Instant stuckSince = Instant.now().minus(config.maxDuration()).minus(Duration.ofMinutes(1));
        for (BackupJob job : jobs.values()) {
            Instant started = job.startedAt();
            if (started != null && started.isBefore(stuckSince)) {
                return "backup '" + job.backupId + "' of target '" + job.targetId() + "' has run since " + started
                        + ", beyond the maximum duration " + config.maxDuration();
            }
        }
        return null;
    }

    /** Backups running now. */
    public int running() {
        return queue.running();
    }

    void shutdown(@Observes ShutdownEvent event) throws InterruptedException {
        synchronized (this) {
            closing = true;
            queue.clearWaiting().forEach(job -> jobs.remove(job.backupId, job));
            CompletableFuture<Void> waiter = room;
            if (waiter != null) {
                waiter.complete(null);
            }
        }
        jobs.values().forEach(job -> job.cancel(BackupJob.Cancel.SHUTDOWN));
        workers.shutdown();
        if (!workers.awaitTermination(config.shutdownGrace().toMillis(), TimeUnit.MILLISECONDS)) {
            LOG.warnf("backups %s did not stop within %s", jobs.keySet(), config.shutdownGrace());
        }
        timer.shutdownNow();
    }
}
