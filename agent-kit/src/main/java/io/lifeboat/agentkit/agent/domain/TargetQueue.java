package io.lifeboat.agentkit.agent.domain;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedList;
import java.util.List;
import java.util.Set;

/**
 * The waiting line of backups: first come, first served, at most one running backup per target and at most
 * {@code concurrency} running backups in all; a job whose target is busy waits without blocking other targets.
 *
 * @param <J> the job type
 */
public final class TargetQueue<J> {

    private record Waiting<J>(String targetId, J job) {
    }

    private final int concurrency;
    private final LinkedList<Waiting<J>> waiting = new LinkedList<>();
    private final Set<String> busyTargets = new HashSet<>();

    /** A queue that lets {@code concurrency} (at least 1) jobs run at once. */
    public TargetQueue(int concurrency) {
        if (concurrency < 1) {
            throw new IllegalArgumentException("backup concurrency " + concurrency + " must be at least 1");
        }
        this.concurrency = concurrency;
    }

    /** Appends a job for {@code targetId}; it starts when {@link #startable()} hands it out. */
    public synchronized void add(String targetId, J job) {
        waiting.add(new Waiting<>(targetId, job));
    }

    /**
     * Removes and returns, oldest first, every waiting job that may start now; each returned job counts as running
     * until {@link #finished(String)} is called for its target.
     */
    public synchronized List<J> startable() {
        List<J> start = new ArrayList<>();
        Iterator<Waiting<J>> it = waiting.iterator();
        while (it.hasNext() && busyTargets.size() < concurrency) {
            Waiting<J> next = it.next();
            if (busyTargets.add(next.targetId())) {
                it.remove();
                start.add(next.job());
            }
        }
        return start;
    }

    /** Marks the running job of {@code targetId} as done, freeing its target and one slot. */
    public synchronized void finished(String targetId) {
        if (!busyTargets.remove(targetId)) {
            throw new IllegalStateException("no backup of target '" + targetId + "' is running");
        }
    }

    /** Removes and returns every waiting job (shutdown); running jobs are not affected. */
    public synchronized List<J> clearWaiting() {
        List<J> jobs = waiting.stream().map(Waiting::job).toList();
        waiting.clear();
        return jobs;
    }

    /** Number of jobs waiting to start. */
    public synchronized int waiting() {
        return waiting.size();
    }

    /** Number of jobs running. */
    public synchronized int running() {
        return busyTargets.size();
    }
}
