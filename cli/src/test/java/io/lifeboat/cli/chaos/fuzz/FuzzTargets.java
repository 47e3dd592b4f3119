package io.lifeboat.cli.chaos.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.lifeboat.cli.StackInfrastructure;
import io.lifeboat.events.Engine;
import io.lifeboat.events.Topics;
import io.lifeboat.events.backup.BackupType;

/**
 * Every topic a Lifeboat service consumes, with the event its malformed records are derived from and the consumer
 * groups that must dead-letter them: the agents' command topics, the catalog's and the scheduler's Kafka Streams
 * inputs, and the DR orchestrator's commands.
 */
public final class FuzzTargets {

    /** The target id of every fact the scenario sends; no policy names it, so its facts start nothing. */
    public static final String FACT_TARGET = "fuzz-target";
    /** The catalog's Kafka Streams application id, the group of its dead letters. */
    public static final String CATALOG_GROUP = "lifeboat-catalog";
    /** The scheduler's Kafka Streams application id. */
    public static final String SCHEDULER_GROUP = "lifeboat-scheduler";
    /** The DR orchestrator's command consumer group. */
    public static final String DR_GROUP = "lifeboat-dr-orchestrator";

    private static final Map<Engine, String> DEMO_TARGETS = Map.of(Engine.POSTGRES,
            StackInfrastructure.DEMO_PG_TARGET, Engine.REDIS, StackInfrastructure.DEMO_REDIS_TARGET, Engine.MONGODB,
            StackInfrastructure.DEMO_MONGO_TARGET, Engine.FILESYSTEM, StackInfrastructure.DEMO_FILES_TARGET);
    private static final Map<Engine, String> AGENT_GROUPS = Map.of(Engine.POSTGRES, "lifeboat-pg-agent",
            Engine.REDIS, "lifeboat-redis-agent", Engine.MONGODB, "lifeboat-mongo-agent", Engine.FILESYSTEM,
            "lifeboat-fs-agent");

    private FuzzTargets() {
    }

    /** One template per consumed topic, the four command topics first. */
    public static List<FuzzTemplate> all() {
        List<FuzzTemplate> all = new ArrayList<>();
        for (Engine engine : Engine.values()) {
            all.add(commands(engine));
        }
        all.add(fact(Topics.BACKUP_EVENTS.name(), "io.lifeboat.backup.completed.v1", "rawBytes", "engine",
                "completedAt", List.of(CATALOG_GROUP, SCHEDULER_GROUP)));
        all.add(fact(Topics.ARCHIVE_EVENTS.name(), "io.lifeboat.archive.progressed.v1", "timeline", "engine",
                "observedAt", List.of(CATALOG_GROUP)));
        all.add(fact(Topics.HEALTH.name(), "io.lifeboat.health.target-recovered.v1", "consecutiveSuccesses",
                "engine", "recoveredAt", List.of(CATALOG_GROUP)));
        all.add(fact(Topics.DR_EVENTS.name(), "io.lifeboat.dr.command-refused.v1", null, null, "refusedAt",
                List.of(CATALOG_GROUP)));
        all.add(fact(Topics.DR_RUNS.name(), "io.lifeboat.dr.run-updated.v1", "epoch", "status", "updatedAt",
                List.of(CATALOG_GROUP)));
        all.add(fact(Topics.POLICIES.name(), "io.lifeboat.policy.defined.v1", null, "engine", "definedAt",
                List.of(CATALOG_GROUP)));
        all.add(new FuzzTemplate(Topics.POLICY_COMMANDS.name(), "io.lifeboat.policy.remove.v1",
                FuzzTemplate.sample("io.lifeboat.policy.remove.v1", FACT_TARGET), "attempt", null, "deadline", null,
                true, true, List.of(SCHEDULER_GROUP)));
        all.add(new FuzzTemplate(Topics.DR_COMMANDS.name(), "io.lifeboat.dr.approve-run.v1",
                FuzzTemplate.sample("io.lifeboat.dr.approve-run.v1", FACT_TARGET), "attempt", null, "deadline", null,
                true, false, List.of(DR_GROUP)));
        return all;
    }

    /** The template of the agent of {@code engine}: a {@code RunBackup} of its demo target. */
    public static FuzzTemplate commands(Engine engine) {
        ObjectNode body = FuzzTemplate.sample("io.lifeboat.backup.run.v1", DEMO_TARGETS.get(engine));
        body.put("engine", engine.name());
        body.put("backupType", backupType(engine).name());
        body.remove("scheduledFor");
        body.remove("deadline");
        return new FuzzTemplate(Topics.commandsFor(engine).name(), "io.lifeboat.backup.run.v1", body, "attempt",
                "backupType", "deadline", engine, true, false, List.of(AGENT_GROUPS.get(engine)));
    }

    /** The body of a valid {@code RunBackup} for the agent of {@code template}'s topic. */
    public static ObjectNode runBackup(FuzzTemplate template, String commandId) {
        ObjectNode body = template.copyOfBody();
        body.put("commandId", commandId);
        body.put("requestedBy", "chaos-fuzz");
        return body;
    }

    /** The body of a valid {@code BackupCompleted} of the fact target, from the backup-events template. */
    public static ObjectNode backupCompleted(FuzzTemplate template, String backupId, String commandId) {
        ObjectNode body = template.copyOfBody();
        body.put("backupId", backupId);
        body.put("commandId", commandId);
        body.remove("baseBackupId");
        return body;
    }

    private static BackupType backupType(Engine engine) {
        return engine == Engine.REDIS ? BackupType.SNAPSHOT : BackupType.FULL;
    }

    private static FuzzTemplate fact(String topic, String type, String numberField, String enumField,
            String timeField, List<String> groups) {
        return new FuzzTemplate(topic, type, FuzzTemplate.sample(type, FACT_TARGET), numberField, enumField,
                timeField, null, false, true, groups);
    }
}
