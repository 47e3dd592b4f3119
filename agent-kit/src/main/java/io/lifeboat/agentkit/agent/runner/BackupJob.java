package io.lifeboat.agentkit.agent.runner;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

import io.lifeboat.events.backup.RunBackup;
import io.lifeboat.events.envelope.Envelope;

/**
 * One backup from queueing to its outcome: the command, the acknowledgements of every delivery of it, the thread
 * that runs it and why it was cancelled, if it was.
 */
final class BackupJob {

    /** Why a running backup was stopped. */
    enum Cancel {
        /** It ran longer than {@code lifeboat.agent.max-duration}: reported as failed. */
        TIMEOUT,
        /** The agent is stopping: no fact, no acknowledgement, so the command is redelivered. */
        SHUTDOWN
    }

    final Envelope<RunBackup> command;
    final String backupId;
    private final List<Supplier<CompletionStage<Void>>> acks = new ArrayList<>();
    private boolean sealed;
    private boolean cancellable = true;
    private Thread worker;
    private Cancel cancel;
    private Instant startedAt;
    private volatile String step = "queue";

    BackupJob(Envelope<RunBackup> command, String backupId) {
        this.command = command;
        this.backupId = backupId;
    }

    String targetId() {
        return command.payload().targetId();
    }

    /** Adds a delivery's acknowledgement; false once the outcome was acknowledged (the caller starts a new job). */
    synchronized boolean join(Supplier<CompletionStage<Void>> ack) {
        if (sealed) {
            return false;
        }
        acks.add(ack);
        return true;
    }

    /** The acknowledgements to run now that the outcome is written; later deliveries start a new job. */
    synchronized List<Supplier<CompletionStage<Void>>> seal() {
        sealed = true;
        return List.copyOf(acks);
    }

    synchronized void attach(Thread thread, Instant now) {
        worker = thread;
        startedAt = now;
        if (cancel != null) {
            thread.interrupt();
        }
    }

    synchronized void detach() {
        worker = null;
        Thread.interrupted();
    }

    /** Stops the backup unless its outcome is already being written; the first reason wins. */
    synchronized void cancel(Cancel reason) {
        if (cancel == null && cancellable) {
            cancel = reason;
            if (worker != null) {
                worker.interrupt();
            }
        }
    }

    synchronized Cancel cancelled() {
        return cancel;
    }

    /** From here on the outcome is written whatever happens; clears an interrupt that raced with it. */
    synchronized void outcomeReached() {
        cancellable = false;
        Thread.interrupted();
    }

    synchronized Instant startedAt() {
        return startedAt;
    }

    void step(String name) {
        step = name;
    }

    String step() {
        return step;
    }
}
