package io.lifeboat.cli.story;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;

import io.lifeboat.cli.ops.domain.Human;

/**
 * Chapter one: a backup of each of the four demo targets (PostgreSQL, Redis, MongoDB, a directory of files), asked
 * of the scheduler at once with {@code lifeboat backup TARGET --wait}, each stored compressed, encrypted and
 * checksummed by its agent.
 */
final class BackupsChapter implements Chapter {

    private final List<String> targets;

    BackupsChapter(List<String> targets) {
        this.targets = List.copyOf(targets);
    }

    @Override
    public String title() {
        return "backups of all four engines";
    }

    @Override
    public String tell(StoryStage stage) throws Exception {
        for (String target : targets) {
            // The scheduler answers ready before its stream has read the start-up policy file.
            stage.await("the scheduler to know the policy of '" + target + "'", Duration.ofMinutes(1),
                    () -> stage.scheduled(target));
        }
        stage.say("lifeboat backup <target> --wait, for " + String.join(", ", targets) + " at once");
        ExecutorService pool = Executors.newFixedThreadPool(targets.size());
        try {
            List<Future<OpsCall.Result>> calls = new ArrayList<>();
            for (String target : targets) {
                calls.add(pool.submit(() -> stage.ops().run("backup", target, "--wait", "--timeout", "5m",
                        "--json")));
            }
            List<String> done = new ArrayList<>();
            List<String> failed = new ArrayList<>();
            for (int i = 0; i < targets.size(); i++) {
                OpsCall.Result result = calls.get(i).get();
                if (result.exit() != 0) {
                    failed.add(targets.get(i) + ": " + result.err().strip());
                    stage.say(targets.get(i) + ": FAILED " + result.err().strip());
                    continue;
                }
                JsonNode backup = result.json().path("backup");
                String line = targets.get(i) + " " + backup.path("type").asText("?") + " "
                        + Human.size(backup.path("storedBytes").isNumber()
                                ? backup.path("storedBytes").asLong()
                                : null);
                stage.say(line + "  (" + backup.path("backupId").asText() + ")");
                done.add(line);
            }
            if (!failed.isEmpty()) {
                throw new StoryFailure("backups failed: " + String.join("; ", failed));
            }
            return String.join(", ", done);
        } finally {
            pool.shutdownNow();
        }
    }
}
