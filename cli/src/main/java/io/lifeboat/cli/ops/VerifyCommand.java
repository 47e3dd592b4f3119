package io.lifeboat.cli.ops;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.kafka.clients.producer.RecordMetadata;

import io.lifeboat.cli.ops.domain.BackupSummary;
import io.lifeboat.cli.ops.domain.Durations;
import io.lifeboat.cli.ops.domain.Human;
import io.lifeboat.cli.ops.domain.TargetSummary;
import io.lifeboat.events.Engine;
import io.lifeboat.events.LifeboatMessage;
import io.lifeboat.events.Topics;
import io.lifeboat.events.backup.BackupVerified;
import io.lifeboat.events.backup.VerificationFailed;
import io.lifeboat.events.backup.VerifyBackup;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code lifeboat verify BACKUP}: asks the target's agent to re-read a backup and check its checksums (VerifyBackup
 * on the engine's command topic), then waits for BackupVerified or VerificationFailed.
 */
@Command(name = "verify", mixinStandardHelpOptions = true, sortOptions = false, description = "Asks the agent to "
        + "verify a stored backup (VerifyBackup on lifeboat.commands.ENGINE, key = target id) and waits for its "
        + "answer on lifeboat.backup.events: exit 0 verified, 1 failed or no answer in time.")
final class VerifyCommand extends Verb {

    private static final Duration POLL = Duration.ofMillis(500);

    @Parameters(paramLabel = "BACKUP", description = "The backup id, as 'lifeboat backups TARGET' lists it.")
    String backupId;

    @Option(names = "--target", paramLabel = "TARGET", description = "The backup's target (default: searched "
            + "among every target's backups).")
    String target;

    @Option(names = "--no-wait", description = "Publish the command and print its id without waiting.")
    boolean noWait;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "10m", description = "Give up waiting "
            + "after this long (default: ${DEFAULT-VALUE}).")
    String timeout;

    @Mixin
    Requester requester;

    @Override
    public Integer call() throws InterruptedException {
        Duration limit;
        try {
            limit = Durations.parse("--timeout", timeout);
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
        TargetSummary owner = find();
        Engine engine = engineOf(owner);
        VerifyBackup command = new VerifyBackup(requester.commandId(), owner.targetId(), engine, backupId,
                requester.user(), Instant.now().plus(DrVerb.VALID_FOR), 1);
        if (noWait) {
            RecordMetadata written = write(command);
            if (root().json()) {
                printJson(Map.of("commandId", command.commandId(), "backupId", backupId, "targetId",
                        owner.targetId(), "topic", written.topic()));
            } else {
                print(command.commandId() + "\n");
                note("VerifyBackup of '" + backupId + "' published to " + written.topic() + ", key '"
                        + owner.targetId() + "'; 'lifeboat backups " + owner.targetId() + "' shows when it passed");
            }
            return 0;
        }
        try (EventFeed feed = new EventFeed(root().kafka(), List.of(Topics.BACKUP_EVENTS.name()),
                EventFeed.AT_END)) {
            RecordMetadata written = write(command);
            if (!root().json()) {
                print(command.commandId() + "\n");
            }
            return await(feed, command, written.topic(), limit);
        }
    }

    private int await(EventFeed feed, VerifyBackup command, String topic, Duration limit)
            throws InterruptedException {
        ProgressLine progress = new ProgressLine(err(), System.console() != null);
        Instant start = Instant.now();
        String what = "verification of backup '" + backupId + "' of '" + command.targetId() + "'";
        while (true) {
            for (EventFeed.Item item : feed.poll(POLL)) {
                LifeboatMessage fact = item.envelope() == null ? null : item.envelope().payload();
                if (fact instanceof BackupVerified ok && ok.commandId().equals(command.commandId())) {
                    progress.done(what + ": verified, " + Human.size(ok.checkedBytes()) + " checked");
                    return outcome("VERIFIED", fact, 0);
                }
                if (fact instanceof VerificationFailed failed && failed.commandId().equals(command.commandId())) {
                    progress.done(what + ": FAILED at step '" + failed.failedStep() + "': " + failed.reason());
                    return outcome("FAILED", fact, 1);
                }
            }
            long elapsed = Duration.between(start, Instant.now()).toSeconds();
            progress.show(what + ": waiting for the " + command.engine().id() + " agent on " + topic + " ("
                    + Human.duration(elapsed) + ")");
            if (Thread.interrupted()) {
                throw new InterruptedException("interrupted while waiting for the " + what);
            }
            if (Instant.now().isAfter(start.plus(limit))) {
                progress.done("");
                throw new OpsFailure("no BackupVerified or VerificationFailed for backup '" + backupId + "' (command "
                        + command.commandId() + ") on " + Topics.BACKUP_EVENTS.name() + " after "
                        + Human.duration(limit.toSeconds()) + ": is the " + command.engine().id() + " agent running?");
            }
        }
    }

    private int outcome(String result, LifeboatMessage fact, int exit) {
        if (root().json()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("backupId", backupId);
            json.put("result", result);
            json.put("event", fact.getClass().getSimpleName());
            json.put("outcome", fact);
            printJson(json);
        }
        return exit;
    }

    private RecordMetadata write(VerifyBackup command) {
        try (DrCommandPublisher publisher = new DrCommandPublisher(root().kafka())) {
            return publisher.publish(command);
        }
    }

    /** The target that has the backup: the one named, else the first whose backups list it. */
    private TargetSummary find() {
        CatalogClient catalog = new CatalogClient(root().catalog());
        List<TargetSummary> targets = catalog.targets();
        for (TargetSummary candidate : targets) {
            if (target != null && !target.equals(candidate.targetId())) {
                continue;
            }
            for (BackupSummary backup : catalog.backups(candidate.targetId())) {
                if (backup.backupId().equals(backupId)) {
                    return candidate;
                }
            }
        }
        if (target != null && targets.stream().noneMatch(t -> t.targetId().equals(target))) {
            catalog.requireTarget(target);
        }
        throw new OpsFailure("backup '" + backupId + "' is not in the catalog at " + root().catalog()
                + (target == null ? " (searched every target)" : " among the backups of target '" + target + "'")
                + ": 'lifeboat backups TARGET' lists them");
    }

    private static Engine engineOf(TargetSummary target) {
        if (target.engine() == null) {
            throw new OpsFailure("the catalog does not know the engine of target '" + target.targetId() + "', so the "
                    + "agent to verify its backup cannot be chosen");
        }
        try {
            return Engine.valueOf(target.engine().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new OpsFailure("target '" + target.targetId() + "' has engine '" + target.engine() + "', which no "
                    + "agent of this version handles", e);
        }
    }
}
