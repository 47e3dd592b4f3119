package io.lifeboat.cli.ops;

import java.util.UUID;

import picocli.CommandLine.Option;

/** The options of every verb that asks for work: who asks ({@code --as}) and the command id ({@code --id}). */
final class Requester {

    @Option(names = "--as", paramLabel = "USER", description = "Who asks, recorded as requestedBy (default: $USER).")
    String as;

    @Option(names = "--id", paramLabel = "ID", description = "The command id (default: a random UUID); the same id "
            + "asks for the same work once, so a retried command is harmless.")
    String id;

    /** The person asking: {@code --as}, else {@code $USER}, else the JVM's user name. */
    String user() {
        if (as != null && !as.isBlank()) {
            return as;
        }
        String env = System.getenv("USER");
        return env != null && !env.isBlank() ? env : System.getProperty("user.name", "operator");
    }

    /** The command id: {@code --id}, else a fresh random UUID (chosen once per run of the verb). */
    String commandId() {
        if (id == null || id.isBlank()) {
            id = UUID.randomUUID().toString();
        }
        return id;
    }
}
