package io.lifeboat.testkit.process;

import java.util.List;

/** The outcome of a finished {@link Command}: its arguments, exit code and combined stdout and stderr. */
public record CommandResult(List<String> args, int exitCode, String output) {

    /** The last {@code lines} lines of the output, for error messages. */
    public String tail(int lines) {
        return LogTail.lastLines(output, lines);
    }
}
