package io.lifeboat.testkit.process;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A long-running server process started directly by this JVM (not daemonized), with stdout and stderr appended to a
 * log file; it is killed at JVM exit if nobody stopped it before.
 */
public final class ChildProcess implements AutoCloseable {

    private final String name;
    private final Process process;
    private final Path log;
    private final Runnable onExit;

    private ChildProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.onExit = () -> kill(process);
        JvmExit.register(onExit);
    }

    /** Starts {@code command} in {@code workDir}, logging to {@code log}. */
    public static ChildProcess start(String name, List<String> command, Path workDir, Path log) {
        try {
            Process process = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
            return new ChildProcess(name, process, log);
        } catch (IOException e) {
            throw new UncheckedIOException("unable to start " + name + " ('" + String.join(" ", command) + "'): "
                    + e.getMessage(), e);
        }
    }

    /** Whether the process is still running. */
    public boolean isAlive() {
        return process.isAlive();
    }

    /** The OS process id. */
    public long pid() {
        return process.pid();
    }

    /** The log file the process writes to. */
    public Path log() {
        return log;
    }

    /** Asks the process to stop (SIGTERM) and kills it if it is still there after {@code grace}. */
    public void stop(Duration grace) {
        JvmExit.cancel(onExit);
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                kill(process);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill(process);
        }
    }

    /** Kills the process and its descendants with SIGKILL, no grace, and waits until it is gone. */
    public void kill() {
        JvmExit.cancel(onExit);
        kill(process);
        if (process.isAlive()) {
            throw new IllegalStateException(this + " is still alive 5 s after SIGKILL");
        }
    }

    /** Stops the process, giving it five seconds to exit cleanly. */
    @Override
    public void close() {
        stop(Duration.ofSeconds(5));
    }

    @Override
    public String toString() {
        return name + " (pid " + process.pid() + ")";
    }

    private static void kill(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
