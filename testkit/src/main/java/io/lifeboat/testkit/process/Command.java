package io.lifeboat.testkit.process;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A short-lived OS command (initdb, pg_ctl, pg_basebackup...) run to completion, optionally as another OS user, with
 * stdout and stderr captured together.
 */
public final class Command {

    private final List<String> args;
    private OsUser user;
    private Path workDir;
    private final Map<String, String> env = new HashMap<>();
    private Duration timeout = Duration.ofMinutes(2);

    private Command(List<String> args) {
        this.args = List.copyOf(args);
    }

    /** A command with its program and arguments. */
    public static Command of(List<String> args) {
        return new Command(args);
    }

    /** A command with its program and arguments. */
    public static Command of(String... args) {
        return new Command(List.of(args));
    }

    /** Runs the command as {@code osUser} (via runuser when this JVM is root). */
    public Command as(OsUser osUser) {
        this.user = osUser;
        return this;
    }

    /** Runs in {@code dir}; servers running as another user need a working directory they can enter. */
    public Command in(Path dir) {
        this.workDir = dir;
        return this;
    }

    /** Adds an environment variable (for example PGPASSWORD, kept off the command line and out of messages). */
    public Command env(String name, String value) {
        env.put(name, value);
        return this;
    }

    /** Gives up (and kills the command) after {@code limit}. */
    public Command timeout(Duration limit) {
        this.timeout = limit;
        return this;
    }

    /** Runs the command and returns its exit code and output, whatever the exit code. */
    public CommandResult run() {
        List<String> line = user == null ? args : user.wrap(args);
        Path output = null;
        try {
            output = Files.createTempFile("lifeboat-cmd-", ".log");
            ProcessBuilder builder = new ProcessBuilder(line).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            if (workDir != null) {
                builder.directory(workDir.toFile());
            }
            builder.environment().putAll(env);
            Process process = builder.start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new IllegalStateException("command '" + String.join(" ", args) + "' did not finish within "
                        + timeout.toSeconds() + "s; output:\n" + LogTail.of(output, 30));
            }
            return new CommandResult(args, process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("unable to run '" + String.join(" ", line) + "': " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running '" + String.join(" ", args) + "'", e);
        } finally {
            if (output != null) {
                output.toFile().delete();
            }
        }
    }

    /** Runs the command and fails, naming {@code what} and quoting the output, unless it exits with 0. */
    public CommandResult runChecked(String what) {
        CommandResult result = run();
        if (result.exitCode() != 0) {
            throw new IllegalStateException("unable to " + what + ": '" + String.join(" ", args) + "' exited with "
                    + result.exitCode() + "; output:\n" + result.tail(30));
        }
        return result;
    }
}
