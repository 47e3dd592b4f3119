package io.lifeboat.cli.ops;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.lifeboat.cli.ops.domain.BackupSummary;
import io.lifeboat.cli.ops.domain.Durations;
import io.lifeboat.cli.ops.domain.Human;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code lifeboat backup TARGET}: asks the scheduler for a backup now and prints the command id; with
 * {@code --wait}, follows the backup in the catalog until it completes or fails.
 */
@Command(name = "backup", mixinStandardHelpOptions = true, sortOptions = false, description = "Asks the scheduler "
        + "for a backup now (POST /api/targets/TARGET/backups, Idempotency-Key = the command id) and prints the "
        + "command id.")
final class BackupCommand extends Verb {

    @Parameters(paramLabel = "TARGET", description = "The target.")
    String target;

    @Option(names = "--type", paramLabel = "TYPE", description = "full, logical, incremental or "
            + "differential, as the target's engine takes it (default: the policy's first scheduled type).")
    String type;

    @Option(names = "--wait", description = "Follow the backup in the catalog until it completes (exit 0) or "
            + "fails (exit 1).")
    boolean waitForIt;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "1h", description = "With --wait: give up "
            + "after this long (default: ${DEFAULT-VALUE}).")
    String timeout;

    @Option(names = "--poll", paramLabel = "DURATION", defaultValue = "2s", hidden = true, description = "With "
            + "--wait: how often the catalog is asked.")
    String poll;

    @Mixin
    Requester requester;

    @Override
    public Integer call() throws InterruptedException {
        Duration limit;
        Duration every;
        try {
            limit = Durations.parse("--timeout", timeout);
            every = Durations.parse("--poll", poll);
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
        String backupType = type == null ? null : type.trim().toUpperCase(Locale.ROOT);
        SchedulerClient.Accepted accepted = new SchedulerClient(root().scheduler()).requestBackup(target, backupType,
                requester.commandId(), requester.user());
        if (!waitForIt) {
            if (root().json()) {
                printJson(accepted);
            } else {
                print(accepted.commandId() + "\n");
                note(accepted.backupType() + " backup of '" + target + "' requested: command " + accepted.commandId()
                        + " on " + accepted.topic() + "; 'lifeboat backups " + target + "' shows it");
            }
            return 0;
        }
        if (!root().json()) {
            print(accepted.commandId() + "\n");
        }
        BackupSummary outcome = follow(accepted, limit, every);
        if (root().json()) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("request", accepted);
            result.put("backup", outcome);
            printJson(result);
        }
        if ("FAILED".equals(outcome.phase())) {
            note("lifeboat backup: backup '" + outcome.backupId() + "' of target '" + target + "' failed: "
                    + (outcome.failureReason() == null ? "the catalog records no reason" : outcome.failureReason()));
            return 1;
        }
        return 0;
    }

    private BackupSummary follow(SchedulerClient.Accepted accepted, Duration limit, Duration every)
            throws InterruptedException {
        CatalogClient catalog = new CatalogClient(root().catalog());
        ProgressLine progress = new ProgressLine(err(), System.console() != null);
        Instant start = Instant.now();
        Instant giveUp = start.plus(limit);
        String shown = "waiting for the agent to start it";
        while (true) {
            Optional<BackupSummary> backup = catalog.backupOfCommand(target, accepted.commandId());
            long elapsed = Duration.between(start, Instant.now()).toSeconds();
            if (backup.isPresent()) {
                BackupSummary b = backup.get();
                shown = b.backupId() + " " + b.phase() + (b.storedBytes() == null
                        ? ""
                        : " " + Human.size(b
                                .storedBytes()));
                if (b.finished()) {
                    progress.done("backup of '" + target + "': " + shown + " after " + Human.duration(elapsed));
                    return b;
                }
            }
            progress.show("backup of '" + target + "': " + shown + " (" + Human.duration(elapsed) + ")");
            if (Instant.now().isAfter(giveUp)) {
                progress.done("");
                throw new OpsFailure("the " + accepted.backupType() + " backup of target '" + target + "' (command "
                        + accepted.commandId() + ") has not finished after " + Human.duration(limit.toSeconds())
                        + ": " + shown + "; follow it with 'lifeboat backups " + target + "'");
            }
            Thread.sleep(every.toMillis());
        }
    }
}
