package io.lifeboat.agent.pg.restore;

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
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs one local command (tar, pg_ctl, pg_controldata) for a restore, as the server's OS account when the agent is
 * root, optionally feeding it a stream; a non-zero exit fails with the last lines of its error output, and an
 * interrupted thread kills the command.
 */
final class OsCommand {

    private static final int STDERR_LINES = 5;

    private final Optional<String> osUser;
    private final List<String> command;
    private final Optional<String> password;

    OsCommand(Optional<String> osUser, List<String> command) {
        this(osUser, command, Optional.empty());
    }

    private OsCommand(Optional<String> osUser, List<String> command, Optional<String> password) {
        this.osUser = osUser;
        this.command = List.copyOf(command);
        this.password = password;
    }

    /** The same command with {@code PGPASSWORD} in its environment (never on its command line). */
    OsCommand withPassword(Optional<String> pgPassword) {
        return new OsCommand(osUser, command, pgPassword);
    }

    /** Runs to completion and returns its standard output as text. */
    String run() throws IOException, InterruptedException {
        return run(null);
    }

    /** Runs to completion with {@code stdin} copied into the command (may be null) and returns its output. */
    String run(InputStream stdin) throws IOException, InterruptedException {
        Path stdout = Files.createTempFile("lifeboat-restore-", ".out");
        Path stderr = Files.createTempFile("lifeboat-restore-", ".err");
        ProcessBuilder builder = new ProcessBuilder(commandLine()).redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile()).directory(new File(System.getProperty("java.io.tmpdir")));
        if (stdin == null) {
            builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        }
        builder.environment().remove("PGPASSWORD");
        password.ifPresent(value -> builder.environment().put("PGPASSWORD", value));
        Process process = builder.start();
        try {
            if (stdin != null) {
                feed(process, stdin);
            }
            while (!process.waitFor(200, TimeUnit.MILLISECONDS)) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new InterruptedException(describe() + " cancelled");
                }
            }
            int exit = process.exitValue();
            if (exit != 0) {
                throw new IOException(describe() + " exited with code " + exit + ": " + tail(stderr));
            }
            return Files.readString(stdout, StandardCharsets.UTF_8);
        } catch (IOException | InterruptedException | RuntimeException e) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            if (e instanceof IOException io && process.waitFor(5, TimeUnit.SECONDS) && process.exitValue() != 0
                    && !(e instanceof InterruptedIOException)) {
                // The command died first (e.g. tar on a full disk): its own message says why the pipe broke.
                throw new IOException(describe() + " failed: " + tail(stderr) + " (" + io.getMessage() + ")", io);
            }
            throw e;
        } finally {
            Files.deleteIfExists(stdout);
            Files.deleteIfExists(stderr);
        }
    }

    private void feed(Process process, InputStream stdin) throws IOException {
        byte[] buffer = new byte[1 << 20];
        try (OutputStream out = process.getOutputStream()) {
            for (int n; (n = stdin.read(buffer)) >= 0;) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new InterruptedIOException(describe() + " cancelled");
                }
                out.write(buffer, 0, n);
            }
        }
    }

    List<String> commandLine() {
        List<String> line = new ArrayList<>();
        if (osUser.isPresent() && isRoot()) {
            line.addAll(List.of("runuser", "-u", osUser.get(), "--"));
        }
        line.addAll(command);
        return line;
    }

    private String describe() {
        return "'" + String.join(" ", command) + "'" + osUser.map(user -> " (as " + user + ")").orElse("");
    }

    static String tail(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                .filter(line -> !line.isBlank()).toList();
        if (lines.isEmpty()) {
            return "(no error output)";
        }
        return String.join(" | ", lines.subList(Math.max(0, lines.size() - STDERR_LINES), lines.size()));
    }

    static boolean isRoot() {
        try {
            return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }
}
