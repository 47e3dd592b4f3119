package io.lifeboat.cli.ops;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import io.lifeboat.cli.StackFile;
import io.lifeboat.events.admin.KafkaClientSettings;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * {@code lifeboat}: the operator's verbs against a running Lifeboat: targets, backups and RPO from the catalog, a
 * backup now through the scheduler, drills, restores, failovers and approvals as DR commands on Kafka, verifying a
 * backup, watching the events, and applying policies.
 */
@Command(name = "lifeboat", mixinStandardHelpOptions = true, sortOptions = false, description = "Asks a running "
        + "Lifeboat: the catalog for targets, backups and RPO, the scheduler for a backup now, the DR orchestrator "
        + "(through lifeboat.dr.commands) for drills, restores and failovers, an agent to verify a backup; shows "
        + "the events as they happen and applies policy files.", subcommands = {TargetsCommand.class,
                BackupsCommand.class, RpoCommand.class, BackupCommand.class, DrillCommand.class,
                RestoreCommand.class, FailoverCommand.class, VerifyCommand.class, WatchCommand.class,
                PolicyCommand.class}, exitCodeListHeading = "%nExit codes:%n", exitCodeList = {
                        "0:done", "1:failed (unreachable service, unknown target or backup, failed backup, "
                                + "verification or run, rejected policy, too few events in time; the message says "
                                + "which)",
                        "2:wrong usage", "3:rpo: a target is over its RPO"})
public final class LifeboatCommand implements Runnable {

    /** Exit code of {@code rpo} when a target is over its RPO. */
    public static final int RPO_BREACHED = 3;

    static final String DEFAULT_CATALOG = "http://localhost:8086";
    static final String DEFAULT_SCHEDULER = "http://localhost:8081";
    static final String DEFAULT_BOOTSTRAP = "localhost:9092";

    // No defaultValue: an inherited option's default would overwrite a value given before the verb.
    @Option(names = "--catalog", scope = ScopeType.INHERIT, paramLabel = "URL", description = "catalog-service "
            + "(default: $LIFEBOAT_CATALOG, else " + DEFAULT_CATALOG + ").")
    String catalog;

    @Option(names = "--scheduler", scope = ScopeType.INHERIT, paramLabel = "URL", description = "scheduler-service "
            + "(default: $LIFEBOAT_SCHEDULER, else " + DEFAULT_SCHEDULER + ").")
    String scheduler;

    @Option(names = "--bootstrap", scope = ScopeType.INHERIT, paramLabel = "HOST:PORT", description = "Kafka "
            + "(default: $LIFEBOAT_BOOTSTRAP, else " + DEFAULT_BOOTSTRAP + ").")
    String bootstrap;

    @Option(names = "--kafka-config", scope = ScopeType.INHERIT, paramLabel = "FILE", description = "Kafka client "
            + "properties: security.protocol, sasl.* and ssl.* for a TLS or SASL listener (default: "
            + "$LIFEBOAT_KAFKA_CONFIG, else plaintext).")
    Path kafkaConfig;

    @Option(names = "--json", scope = ScopeType.INHERIT, description = "Machine output: JSON on standard output.")
    boolean json;

    @Spec
    CommandSpec spec;

    /** Runs {@code lifeboat} with {@code args} and exits with its code. */
    public static void main(String[] args) {
        CommandLine commandLine = commandLine();
        commandLine.setOut(new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true));
        commandLine.setErr(new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true));
        System.exit(commandLine.execute(args));
    }

    /** The command line with its verbs, turning an {@link OpsFailure} into one line on standard error and code 1. */
    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new LifeboatCommand());
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (!(e instanceof OpsFailure)) {
                throw e;
            }
            cmd.getErr().println(cmd.getCommandSpec().qualifiedName() + ": " + e.getMessage());
            cmd.getErr().flush();
            return 1;
        });
        return commandLine;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a verb: targets, backups, rpo, backup, "
                + "drill, restore, failover, verify, watch or policy");
    }

    /** The catalog's base URL. */
    String catalog() {
        return orDefault(catalog, "LIFEBOAT_CATALOG", StackFile.CATALOG, DEFAULT_CATALOG);
    }

    /** The scheduler's base URL. */
    String scheduler() {
        return orDefault(scheduler, "LIFEBOAT_SCHEDULER", StackFile.SCHEDULER, DEFAULT_SCHEDULER);
    }

    /** Kafka's bootstrap servers. */
    String bootstrap() {
        return orDefault(bootstrap, "LIFEBOAT_BOOTSTRAP", StackFile.BOOTSTRAP, DEFAULT_BOOTSTRAP);
    }

    /** Kafka's bootstrap servers and the security settings of {@code --kafka-config}. */
    KafkaClientSettings kafka() {
        Path file = kafkaConfig;
        String env = System.getenv("LIFEBOAT_KAFKA_CONFIG");
        if (file == null && env != null && !env.isBlank()) {
            file = Path.of(env);
        }
        return KafkaClientFile.load(bootstrap(), file);
    }

    /** Whether output is JSON. */
    boolean json() {
        return json;
    }

    private static String orDefault(String given, String variable, String stackKey, String fallback) {
        if (given != null && !given.isBlank()) {
            return given;
        }
        String env = System.getenv(variable);
        if (env != null && !env.isBlank()) {
            return env;
        }
        // A running ./lifeboat demo says where it listens; its ports are chosen at start.
        String home = System.getenv("LIFEBOAT_HOME");
        return StackFile.read(home == null ? null : Path.of(home), stackKey).orElse(fallback);
    }
}
