package io.lifeboat.cli.story;

import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Chapter five: {@code lifeboat drill demo-pg --wait}: the newest backup restored into a scratch instance, the data
 * check run on it, the restore time measured against the RTO; the agent removes the scratch instance afterwards.
 */
final class DrillChapter implements Chapter {

    @Override
    public String title() {
        return "recovery drill";
    }

    @Override
    public String tell(StoryStage stage) throws Exception {
        stage.say("lifeboat drill demo-pg --wait");
        JsonNode run = stage.ops().json("drill", StoryStage.PG, "--as", "demo-operator", "--wait", "--timeout", "5m");
        JsonNode drill = run.path("outcome");
        if (!"COMPLETED".equals(run.path("state").asText()) || drill.isMissingNode() || drill.isNull()) {
            throw new StoryFailure("drill run " + run.path("runId").asText() + " ended " + run.path("state").asText()
                    + " without a DrillCompleted: " + run);
        }
        JsonNode data = drill.has("data") ? drill.path("data") : drill;
        Duration restore = Duration.parse(data.path("restoreTime").asText());
        Duration rto = Duration.parse(data.path("rto").asText());
        String measuredRpo = data.path("measuredRpo").isTextual()
                ? ", measured RPO " + FailoverChapter.seconds(Duration.parse(data.path("measuredRpo").asText()))
                : "";
        String line = "backup " + data.path("backupId").asText() + " restored in " + FailoverChapter.seconds(restore)
                + " against an RTO of " + rto.toMinutes() + " min" + measuredRpo;
        stage.say("DrillCompleted: " + (data.path("passed").asBoolean() ? "passed, " : "FAILED, ") + line);
        if (!data.path("passed").asBoolean()) {
            throw new StoryFailure("the drill failed: " + data.path("failureReason").asText() + "; " + line);
        }
        return "passed: " + line;
    }
}
