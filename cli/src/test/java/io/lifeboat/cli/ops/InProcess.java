package io.lifeboat.cli.ops;

import java.io.PrintWriter;
import java.io.StringWriter;

import picocli.CommandLine;

/** Runs the lifeboat verbs in the test's JVM, as {@code ./lifeboat VERB ...} would, keeping what they print. */
final class InProcess {

    /** One verb's exit code, standard output and standard error. */
    record Run(int exit, String out, String err) {
    }

    private InProcess() {
    }

    /** Runs {@code lifeboat args...}. */
    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = LifeboatCommand.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exit = commandLine.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }
}
