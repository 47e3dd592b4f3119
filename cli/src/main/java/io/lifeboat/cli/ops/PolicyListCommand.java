package io.lifeboat.cli.ops;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import io.lifeboat.cli.ops.domain.Human;
import io.lifeboat.cli.ops.domain.TextTable;

import picocli.CommandLine.Command;

/** {@code lifeboat policy list}: the policies in force, one line each. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the policies in force (GET "
        + "/api/policies): target, engine, tier, RPO, RTO, schedules and who defined them.")
final class PolicyListCommand extends Verb {

    @Override
    public Integer call() {
        JsonNode policies = new PolicyClient(root().scheduler()).list();
        if (root().json()) {
            printJson(policies);
            return 0;
        }
        TextTable table = new TextTable(List.of("TARGET", "ENGINE", "TIER", "RPO", "RTO", "SCHEDULES", "DEFINED BY"),
                Set.of(3, 4));
        for (JsonNode p : policies) {
            List<String> schedules = new ArrayList<>();
            p.path("schedules").forEach(s -> schedules.add(s.path("backupType").asText() + " " + s.path("cron")
                    .asText()));
            table.row(p.path("targetId").asText(), p.path("engine").asText(null), p.path("tier").asText(null),
                    duration(p.path("rpo")), duration(p.path("rto")), String.join(", ", schedules),
                    p.path("definedBy").asText(null));
        }
        print(table.render());
        return 0;
    }

    private static String duration(JsonNode node) {
        if (!node.isTextual()) {
            return null;
        }
        try {
            return Human.duration(Duration.parse(node.asText()).toSeconds());
        } catch (DateTimeParseException e) {
            return node.asText();
        }
    }
}
