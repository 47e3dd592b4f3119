package io.lifeboat.cli.ops;

import picocli.CommandLine.Command;

/** {@code lifeboat policy}: the protection policies in the scheduler, applied from a file or listed. */
@Command(name = "policy", mixinStandardHelpOptions = true, description = "Protection policies in the scheduler: "
        + "'policy apply -f FILE' defines those of a policy file, 'policy list' shows those in force.", subcommands = {
                PolicyApplyCommand.class, PolicyListCommand.class})
final class PolicyCommand extends VerbGroup {
}
