package io.lifeboat.agentkit.agent.it;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

import io.lifeboat.agentkit.agent.BackupEngine;
import io.lifeboat.events.Engine;
import io.lifeboat.events.backup.RunBackup;

/**
 * A file-system engine for tests: writes deterministic bytes per target, and for chosen targets fails midway or
 * blocks until released; records when each backup starts and ends and how many ran at once.
 */
@ApplicationScoped
public class FakeBackupEngine implements BackupEngine {

    static final int SIZE = 2_500_000;

    private final Map<String, CountDownLatch> gates = new ConcurrentHashMap<>();
    private final Map<String, String> failures = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> runningPerTarget = new ConcurrentHashMap<>();
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger maxRunning = new AtomicInteger();
    private final AtomicInteger maxRunningPerTarget = new AtomicInteger();
    private final List<String> log = new CopyOnWriteArrayList<>();

    @Override
    public Engine engine() {
        return Engine.FILESYSTEM;
    }

    @Override
    public Map<String, Object> backup(RunBackup command, OutputStream out) throws Exception {
        String target = command.targetId();
        log.add("start " + command.commandId());
        int now = running.incrementAndGet();
        maxRunning.accumulateAndGet(now, Math::max);
        maxRunningPerTarget.accumulateAndGet(
                runningPerTarget.computeIfAbsent(target, t -> new AtomicInteger()).incrementAndGet(), Math::max);
        try {
            byte[] bytes = bytes(target);
            int half = bytes.length / 2;
            write(out, bytes, 0, half);
            if (failures.containsKey(target)) {
                throw new IOException(failures.get(target));
            }
            CountDownLatch gate = gates.get(target);
            if (gate != null) {
                gate.await();
            }
            write(out, bytes, half, bytes.length);
            return Map.of("files", 1, "startPosition", "fake-0");
        } finally {
            runningPerTarget.get(target).decrementAndGet();
            running.decrementAndGet();
            log.add("end " + command.commandId());
        }
    }

    private static void write(OutputStream out, byte[] bytes, int from, int to) throws IOException {
        for (int offset = from; offset < to; offset += 65_536) {
            out.write(bytes, offset, Math.min(65_536, to - offset));
        }
    }

    /** The raw bytes every backup of {@code targetId} writes. */
    public static byte[] bytes(String targetId) {
        byte[] bytes = new byte[SIZE];
        new Random(targetId.hashCode()).nextBytes(bytes);
        // Half repetitive, so that compression has something to do.
        for (int i = SIZE / 2; i < SIZE; i++) {
            bytes[i] = (byte) (i % 7);
        }
        return bytes;
    }

    /** Backups of {@code targetId} stop after half their bytes with an I/O error saying {@code message}. */
    public void failWith(String targetId, String message) {
        failures.put(targetId, message);
    }

    /** Backups of {@code targetId} wait after half their bytes until {@link #release(String)}. */
    public void block(String targetId) {
        gates.put(targetId, new CountDownLatch(1));
    }

    /** Lets the waiting backups of {@code targetId} finish. */
    public void release(String targetId) {
        gates.remove(targetId).countDown();
    }

    /** Backups of {@code targetId} running now. */
    public int running(String targetId) {
        AtomicInteger count = runningPerTarget.get(targetId);
        return count == null ? 0 : count.get();
    }

    /** Most backups that ran at once, all targets together. */
    public int maxRunning() {
        return maxRunning.get();
    }

    /** Most backups of one target that ran at once. */
    public int maxRunningPerTarget() {
        return maxRunningPerTarget.get();
    }

    /** "start <commandId>" and "end <commandId>" in the order they happened. */
    public List<String> log() {
        return List.copyOf(log);
    }

    /** Forgets the concurrency maxima, before a test that measures them. */
    public void resetMaxima() {
        maxRunning.set(running.get());
        maxRunningPerTarget.set(0);
    }
}
