package io.lifeboat.cli.ops;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.lifeboat.events.envelope.LifeboatJson;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** What every verb shares: the global options of {@link LifeboatCommand} and its output streams. */
abstract class Verb implements Callable<Integer> {

    // A verb's parent is the root command, or a group of verbs such as 'policy' under it.
    @ParentCommand
    Object parent;

    @Spec
    CommandSpec spec;

    /** The root command, which holds the global options. */
    LifeboatCommand root() {
        return parent instanceof VerbGroup group ? group.root : (LifeboatCommand) parent;
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /** Prints {@code text} as it is to standard output. */
    void print(String text) {
        out().print(text);
        out().flush();
    }

    /** Prints {@code value} as indented JSON to standard output. */
    void printJson(Object value) {
        try {
            print(LifeboatJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(value) + "\n");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unable to write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /** Says something to the person at the terminal, on standard error, so that standard output stays parseable. */
    void note(String text) {
        err().println(text);
        err().flush();
    }

    /** A usage error of this verb: exit code 2 with the verb's usage. */
    CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }
}
