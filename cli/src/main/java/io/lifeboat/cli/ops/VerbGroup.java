package io.lifeboat.cli.ops;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** A verb that only groups verbs, such as {@code policy apply} and {@code policy list}: alone it is wrong usage. */
abstract class VerbGroup implements Runnable {

    @ParentCommand
    LifeboatCommand root;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name one of: "
                + String.join(", ", spec.subcommands().keySet()));
    }
}
