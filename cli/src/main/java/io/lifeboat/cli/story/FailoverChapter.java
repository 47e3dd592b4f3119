package io.lifeboat.cli.story;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Chapter four: the PostgreSQL primary's machine dies (SIGKILL to every process of it); the health monitor sees three
 * failed rounds, the orchestrator fences and promotes the standby and publishes {@code FailoverCompleted}, read here
 * with {@code lifeboat watch}. The old primary, brought back, is fenced (read-only) instead of taking writes again.
 */
final class FailoverChapter implements Chapter {

    private static final Duration PATIENCE = Duration.ofMinutes(2);

    @Override
    public String title() {
        return "primary killed, standby promoted";
    }

    @Override
    public String tell(StoryStage stage) throws Exception {
        StoryStage.execute(stage.primary(), "INSERT INTO orders (customer, amount, note) VALUES ('customer-1', 42, "
                + "'written just before the failure')");
        stage.standby().awaitReplayOfPrimary();
        Instant killed = Instant.now();
        int processes = stage.primary().crash();
        stage.say("the primary (pg-a) is killed: SIGKILL to its " + processes + " processes at "
                + PointInTimeChapter.local(killed));
        stage.say("lifeboat watch --target demo-pg --type FailoverCompleted --count 1");
        JsonNode event = firstLine(stage.ops().run("watch", "--target", StoryStage.PG, "--type",
                "FailoverCompleted", "--since", "5m", "--count", "1", "--timeout", PATIENCE.toSeconds() + "s",
                "--json").requireSuccess());
        JsonNode data = event.path("data");
        Instant completed = Instant.parse(data.path("completedAt").asText());
        Duration killToPromoted = Duration.between(killed, completed);
        String newPrimary = data.path("newPrimary").asText();
        String loss = data.path("dataLossBytes").isNumber()
                ? data.path("dataLossBytes").asLong() + " bytes"
                : "unknown";
        stage.say("FailoverCompleted: " + data.path("fencedPrimary").asText() + " -> " + newPrimary + ", recovery "
                + seconds(Duration.parse(data.path("recoveryTime").asText())) + ", kill to promoted "
                + seconds(killToPromoted) + ", estimated loss " + loss);
        StoryStage.execute(stage.standby(), "INSERT INTO orders (customer, amount, note) VALUES ('customer-2', 7, "
                + "'written on the new primary')");
        stage.say("the new primary takes writes; the old one is started again ...");
        stage.primary().restart();
        stage.await("the orchestrator to fence the old primary when it came back", PATIENCE, () -> fenced(stage));
        stage.say("pg-a came back read-only: fenced, no split brain");
        // Until the monitor has seen two good rounds, the orchestrator still counts the target as down.
        stage.await("the health monitor to report demo-pg healthy again", PATIENCE, () -> stage.target(
                StoryStage.PG).path("health").path("healthy").asBoolean());
        return newPrimary + " promoted " + seconds(killToPromoted) + " after the kill (recovery "
                + seconds(Duration.parse(data.path("recoveryTime").asText())) + "), loss " + loss
                + "; old primary fenced";
    }

    private static JsonNode firstLine(OpsCall.Result watched) {
        String line = watched.out().lines().filter(l -> !l.isBlank()).findFirst().orElseThrow(
                () -> new StoryFailure("'lifeboat watch' printed no FailoverCompleted: " + watched.err().strip()));
        return new OpsCall.Result(watched.args(), 0, line, watched.err()).json();
    }

    private static boolean fenced(StoryStage stage) {
        try {
            StoryStage.execute(stage.primary(), "INSERT INTO orders (customer, amount, note) VALUES ('customer-3', 1, "
                    + "'must be refused by a fenced primary')");
            return false;
        } catch (SQLException e) {
            return e.getMessage().contains("read-only");
        }
    }

    static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }
}
