package io.lifeboat.cli.ops;

import java.io.PrintWriter;

/**
 * One line of progress on standard error: rewritten in place with {@code \r} on a terminal, otherwise printed once
 * per change so that a log file gets each state once.
 */
final class ProgressLine {

    private final PrintWriter err;
    private final boolean terminal;
    private String last = "";
    private String lastChange = "";

    ProgressLine(PrintWriter err, boolean terminal) {
        this.err = err;
        this.terminal = terminal;
    }

    void show(String text) {
        if (terminal) {
            // Pads over the remains of a longer previous line.
            err.print("\r" + text + " ".repeat(Math.max(0, last.length() - text.length())));
            last = text;
        } else {
            // The elapsed time in parentheses changes every poll; only a change of state makes a new line.
            String state = text.replaceAll(" \\([^)]*\\)$", "");
            if (!state.equals(lastChange)) {
                err.println(text);
                lastChange = state;
            }
        }
        err.flush();
    }

    void done(String text) {
        if (terminal) {
            show(text);
            err.println();
        } else if (!text.isEmpty()) {
            err.println(text);
        }
        err.flush();
    }
}
