package io.lifeboat.dr.postgres;

import java.util.List;

/**
 * How one run of a fence command ended.
 *
 * @param command the program and its arguments
 * @param exitCode the exit code; -1 when it did not start or was killed
 * @param timedOut whether it was killed for exceeding its timeout
 * @param output the end of its combined stdout and stderr, or why it could not start
 */
public record CommandOutcome(List<String> command, int exitCode, boolean timedOut, String output) {

    /**
     * Whether the command ran to completion and exited with 0.
     *
     * @return true when it succeeded
     */
    public boolean succeeded() {
        return !timedOut && exitCode == 0;
    }

    /**
     * One line naming the command and how it ended.
     *
     * @return the summary
     */
    public String summary() {
        String line = "'" + String.join(" ", command) + "'";
        if (timedOut) {
            return line + " timed out";
        }
        return line + " exited with " + exitCode + (output.isBlank() ? "" : ": " + lastLine(output));
    }

    private static String lastLine(String text) {
        String[] lines = text.strip().split("\n");
        return lines[lines.length - 1].strip();
    }
}
