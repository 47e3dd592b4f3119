package io.lifeboat.agent.pg.engine;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs one PostgreSQL client tool (pg_basebackup, pg_dump) against a target and copies its standard output into a
 * stream as it is produced; standard error goes to a small temp file so that its last lines can explain a failure.
 *
 * <p>
 * The password reaches the child through {@code PGPASSWORD} in its environment, never its command line, so it does
 * not show in {@code ps}. A read from a pipe does not notice {@link Thread#interrupt()}, so a shared guard thread kills
 * the tool when the backup thread is interrupted (even while the server is still checkpointing and nothing flows);
 * the read then ends and the copy reports the cancellation.
 */
final class PgTool {

    private static final int STDERR_LINES = 5;
    private static final long GUARD_PERIOD_MS = 200;
    private static final ScheduledExecutorService GUARD = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "lifeboat-pg-tool-guard");
        thread.setDaemon(true);
        return thread;
    });

    private final PgTarget target;
    private final String name;
    private final List<String> args;

    PgTool(PgTarget target, String name, List<String> args) {
        this.target = target;
        this.name = name;
        this.args = args;
    }

    /** Runs the tool to completion, copying its stdout into {@code out}; fails on a non-zero exit. */
    long streamTo(OutputStream out) throws IOException, InterruptedException {
        Path stderr = Files.createTempFile("lifeboat-" + name + "-", ".stderr");
        Process process = start(stderr);
        try {
            long copied = copy(process, out);
            int exit = process.waitFor();
            if (exit != 0) {
                throw new IOException(name + " of " + target.describe() + " exited with code " + exit + ": "
                        + tail(stderr));
            }
            return copied;
        } catch (IOException | InterruptedException | RuntimeException e) {
            destroy(process);
            throw e;
        } finally {
            Files.deleteIfExists(stderr);
        }
    }

    /** The tool's command line as the process sees it: wrapped in runuser when it must run as another account. */
    List<String> commandLine() {
        List<String> command = new ArrayList<>();
        if (target.osUser().isPresent() && isRoot()) {
            command.addAll(List.of("runuser", "-u", target.osUser().get(), "--"));
        }
        command.add(target.tool(name));
        command.addAll(args);
        return command;
    }

    private Process start(Path stderr) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(commandLine()).redirectError(stderr.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().remove("PGPASSWORD");
        target.password().ifPresent(password -> builder.environment().put("PGPASSWORD", password));
        // A working directory every account can enter: the agent's own may be unreadable for the os-user.
        builder.directory(new File(System.getProperty("java.io.tmpdir")));
        try {
            return builder.start();
        } catch (IOException e) {
            throw new IOException("unable to start " + target.tool(name) + " for " + target.describe()
                    + " (lifeboat.pg.targets." + target.id() + ".bin-dir): " + e.getMessage(), e);
        }
    }

    private long copy(Process process, OutputStream out) throws IOException {
        Thread owner = Thread.currentThread();
        ScheduledFuture<?> guard = GUARD.scheduleWithFixedDelay(() -> {
            if (owner.isInterrupted()) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        }, GUARD_PERIOD_MS, GUARD_PERIOD_MS, TimeUnit.MILLISECONDS);
        try (InputStream in = process.getInputStream()) {
            byte[] buffer = new byte[256 * 1024];
            long copied = 0;
            for (int n; (n = in.read(buffer)) >= 0;) {
                out.write(buffer, 0, n);
                copied += n;
            }
            if (owner.isInterrupted()) {
                throw new InterruptedIOException(name + " of " + target.describe() + " cancelled");
            }
            return copied;
        } finally {
            guard.cancel(false);
        }
    }

    private static void destroy(Process process) throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        // A cancelled backup arrives here with its interrupt set: wait for the kill regardless, so the cancellation
        // is reported as such (not as an interrupted wait) and no tool outlives its backup, then keep the interrupt.
        boolean interrupted = Thread.interrupted();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static String tail(Path stderr) throws IOException {
        List<String> lines = Files.readAllLines(stderr, StandardCharsets.UTF_8).stream()
                .filter(line -> !line.isBlank()).toList();
        if (lines.isEmpty()) {
            return "(no error output)";
        }
        return String.join(" | ", lines.subList(Math.max(0, lines.size() - STDERR_LINES), lines.size()));
    }

    private static boolean isRoot() {
        try {
            return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }
}
