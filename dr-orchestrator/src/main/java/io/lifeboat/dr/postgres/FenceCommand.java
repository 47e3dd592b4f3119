package io.lifeboat.dr.postgres;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The configured second fencing layer: an OS command that makes a member unable to serve writes whatever its own
 * state, such as {@code pg_ctl stop -m immediate -D <dir>} on its host or a cloud CLI call stopping its instance.
 * The command must exit with 0 when the member is stopped, also when it already was, so that fencing stays idempotent.
 *
 * @param command the program and its arguments, run without a shell
 * @param timeout how long the command may run before it is killed and counted as failed
 * @param workDir the working directory; null for this process's own
 */
public record FenceCommand(List<String> command, Duration timeout, Path workDir) {

    /** Checks that there is a program to run and copies the arguments. */
    public FenceCommand {
        if (command == null || command.isEmpty()) {
            throw new IllegalArgumentException("fence command: no program given");
        }
        command = List.copyOf(command);
    }

    /**
     * A command run in this process's working directory.
     *
     * @param timeout how long it may run
     * @param command the program and its arguments
     * @return the command
     */
    public static FenceCommand of(Duration timeout, String... command) {
        return new FenceCommand(List.of(command), timeout, null);
    }

    /**
     * The same command run in {@code dir}, for example one the OS user a wrapped command switches to may enter.
     *
     * @param dir the working directory
     * @return the command
     */
    public FenceCommand in(Path dir) {
        return new FenceCommand(command, timeout, dir);
    }
}
