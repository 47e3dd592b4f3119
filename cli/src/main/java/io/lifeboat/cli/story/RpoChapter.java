package io.lifeboat.cli.story;

import java.time.Duration;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Chapter two: the catalog's live RPO lag of every target, read a few times with {@code lifeboat rpo}; the lags grow
 * between backups and drop when continuous archiving stores new log.
 */
final class RpoChapter implements Chapter {

    private final List<String> targets;
    private final int readings;
    private final Duration every;

    RpoChapter(List<String> targets, int readings, Duration every) {
        this.targets = List.copyOf(targets);
        this.readings = readings;
        this.every = every;
    }

    @Override
    public String title() {
        return "RPO lag, live";
    }

    @Override
    public String tell(StoryStage stage) throws Exception {
        JsonNode last = null;
        for (int i = 0; i < readings; i++) {
            if (i > 0) {
                Thread.sleep(every.toMillis());
            }
            OpsCall.Result table = stage.ops().run("rpo");
            stage.say("lifeboat rpo  (" + LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + ", exit " + table.exit()
                    + ")");
            stage.show(table.out());
            last = stage.ops().run("rpo", "--json").json();
        }
        List<String> lags = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (String target : targets) {
            JsonNode line = find(last, target);
            if (line == null || !line.path("lagSeconds").isNumber()) {
                problems.add(target + " has no lag reading");
            } else if (line.path("breach").asBoolean()) {
                problems.add(target + " is over its RPO (lag " + line.path("lagSeconds").asLong() + " s of "
                        + line.path("rpoSeconds").asLong() + " s)");
            } else {
                lags.add(target + " " + line.path("lagSeconds").asLong() + " s/" + line.path("rpoSeconds").asLong()
                        + " s");
            }
        }
        if (!problems.isEmpty()) {
            throw new StoryFailure(String.join("; ", problems));
        }
        return "every target within its RPO: " + String.join(", ", lags);
    }

    private static JsonNode find(JsonNode lines, String target) {
        for (JsonNode line : lines) {
            if (target.equals(line.path("targetId").asText())) {
                return line;
            }
        }
        return null;
    }
}
