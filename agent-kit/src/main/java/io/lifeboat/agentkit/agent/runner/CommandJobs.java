package io.lifeboat.agentkit.agent.runner;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import io.lifeboat.agentkit.agent.config.AgentConfig;
import io.lifeboat.agentkit.agent.messaging.FactPublisher;
import io.lifeboat.events.LifeboatMessage;
import io.lifeboat.events.envelope.Envelope;
import io.quarkus.runtime.ShutdownEvent;

/**
 * Runs restore and verify commands off the consumer thread, {@code lifeboat.agent.restore-concurrency} at a time:
 * each job writes exactly one outcome fact and only then acknowledges every delivery of its command; a redelivered
 * command joins the queued or running job, a job past {@code max-duration} is interrupted, and shutdown cancels
 * jobs without fact or acknowledgement so that their commands are redelivered.
 */
@ApplicationScoped
public class CommandJobs {

    private static final Logger LOG = Logger.getLogger(CommandJobs.class);

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

    /** The work of one job: returns its outcome, or null when it was cancelled by shutdown. */
    @FunctionalInterface
    public interface Work {
        Envelope<?> run(Job job);
    }

    @PostConstruct
    void init() {
        AtomicInteger threads = new AtomicInteger();
        workers = Executors.newFixedThreadPool(config.restoreConcurrency(),
                task -> new Thread(task, "lifeboat-job-" + threads.incrementAndGet()));
        timer = Executors.newSingleThreadScheduledExecutor(task -> new Thread(task, "lifeboat-job-timer"));
    }

    /** Queues {@code work} under {@code jobId}; {@code ack} runs once its outcome is written. Returns at once. */
    public synchronized CompletionStage<Void> submit(String jobId, Envelope<?> command,
            Supplier<CompletionStage<Void>> ack, Work work) {
        if (closing) {
            return CompletableFuture.completedFuture(null);
        }
        Job running = jobs.get(jobId);
        if (running != null) {
            LOG.infof("%s '%s' delivered again while job '%s' is queued or running; acknowledged with it",
                    command.type(), command.id(), jobId);
            running.acks.add(ack);
            return CompletableFuture.completedFuture(null);
        }
        Job job = new Job(jobId, command);
        job.acks.add(ack);
        jobs.put(jobId, job);
        FutureTask<Void> task = new FutureTask<>(() -> run(job, work), null);
        job.future = task;
        workers.execute(task);
        return CompletableFuture.completedFuture(null);
    }

    private void run(Job job, Work work) {
        MDC.put("jobId", job.id);
        MDC.put("correlationId", job.command.correlationId());
        if (job.command.trace() != null) {
            MDC.put("traceId", job.command.trace().traceId());
        }
        var timeout = timer.schedule(() -> {
            job.timedOut = true;
            job.future.cancel(true);
        }, config.maxDuration().toMillis(), TimeUnit.MILLISECONDS);
        try {
            Envelope<?> outcome = work.run(job);
            if (outcome != null) {
                finish(job, outcome);
            }
        } finally {
            timeout.cancel(false);
            jobs.remove(job.id, job);
            MDC.remove("jobId");
            MDC.remove("correlationId");
            MDC.remove("traceId");
        }
    }

    private void finish(Job job, Envelope<?> outcome) {
        try {
            publisher.publish(outcome);
        } catch (RuntimeException e) {
            LOG.errorf("%s; the command stays unacknowledged and is redelivered after a restart", e.getMessage());
            return;
        }
        List<Supplier<CompletionStage<Void>>> acks;
        synchronized (this) {
            jobs.remove(job.id, job);
            acks = new ArrayList<>(job.acks);
        }
        for (Supplier<CompletionStage<Void>> ack : acks) {
            ack.get().whenComplete((ok, failure) -> {
                if (failure != null) {
                    LOG.warnf("unable to acknowledge the command of job '%s': %s", job.id, failure.toString());
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
            LOG.warnf("jobs %s did not stop within %s", jobs.keySet(), config.shutdownGrace());
        }
        timer.shutdownNow();
    }

    /** One command and every delivery of it waiting for its outcome. */
    public final class Job {
        private final String id;
        private final Envelope<?> command;
        private final List<Supplier<CompletionStage<Void>>> acks = new CopyOnWriteArrayList<>();
        private volatile Future<?> future;
        private volatile boolean timedOut;

        Job(String id, Envelope<?> command) {
            this.id = id;
            this.command = command;
        }

        /** Whether the job was interrupted for exceeding {@code max-duration}. */
        public boolean timedOut() {
            return timedOut;
        }

        /** Whether the job was interrupted by shutdown (and must end without an outcome). */
        public boolean cancelledByShutdown() {
            return closing && !timedOut;
        }

        /** An outcome fact caused by the command, with id {@code <job id><suffix>} so a re-emitted one is equal. */
        public <T extends LifeboatMessage> Envelope<T> outcome(String suffix, T payload) {
            return Envelope.causedBy(command, id + suffix, facts.source(), payload);
        }
    }
}
