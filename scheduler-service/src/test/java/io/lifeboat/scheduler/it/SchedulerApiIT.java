package io.lifeboat.scheduler.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.lifeboat.events.Engine;
import io.lifeboat.events.Topics;
import io.lifeboat.events.backup.BackupType;
import io.lifeboat.events.backup.RunBackup;
import io.lifeboat.events.deadletter.DeadLetterHeaders;
import io.lifeboat.events.policy.BackupSchedule;
import io.lifeboat.events.policy.DefinePolicy;
import io.lifeboat.events.policy.PolicyDefined;
import io.lifeboat.events.policy.PolicySpec;
import io.lifeboat.events.policy.ProtectionTier;
import io.lifeboat.testkit.kafka.KafkaBroker;
import io.lifeboat.testkit.process.Await;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.http.ContentType;

/**
 * The packaged scheduler against a real broker: policies over REST, from the start-up file and from other systems'
 * commands; every wrong field named; a changed policy followed at once; backups on request.
 */
@QuarkusIntegrationTest
@QuarkusTestResource(SchedulerTestResource.class)
class SchedulerApiIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Test
    void definesAPolicyOverRestOnceAndSaysWhenNothingChanged() {
        String policy = policyJson("rest-db", "0 2 * * *", "5m");
        given().contentType(ContentType.JSON).header("X-Lifeboat-User", "ops:jane").body(policy)
                .put("/api/policies/rest-db").then().statusCode(201).body("status", equalTo("defined"))
                .body("policy.definedBy", equalTo("ops:jane")).body("policy.rpo", equalTo("PT5M"))
                .body("commandId", notNullValue());
        given().contentType(ContentType.JSON).body(policy).put("/api/policies/rest-db").then().statusCode(200)
                .body("status", equalTo("unchanged"));

        given().get("/api/policies/rest-db").then().statusCode(200).body("targetId", equalTo("rest-db"));
        assertThat(policies("rest-db")).hasSize(1).first().satisfies(p -> assertThat(p.definedBy()).isEqualTo(
                "ops:jane"));
        given().get("/api/policies/rest-db/next-runs?count=2").then().statusCode(200)
                .body("[0].schedule", equalTo("backup:FULL:0 2 * * *")).body("[0].runs.size()", equalTo(2));
    }

    @Test
    void acceptsAPolicyWrittenInYamlWithShortDurations() {
        String yaml = """
                engine: redis
                tier: tier_3
                connectionRef: vault://lifeboat/yaml-cache
                schedules:
                  - {backupType: SNAPSHOT, cron: "0 */6 * * *"}
                rpo: 6h
                scheduling: {timeZone: Europe/Berlin, misfire: skip}
                """;
        given().contentType("application/yaml").body(yaml.getBytes(StandardCharsets.UTF_8))
                .put("/api/policies/yaml-cache").then().statusCode(201)
                .body("policy.rpo", equalTo("PT6H")).body("policy.scheduling.timeZone", equalTo("Europe/Berlin"))
                .body("policy.scheduling.misfire", equalTo("SKIP")).body("policy.failoverMode", equalTo("RESTORE"));
    }

    @Test
    void rejectsAWrongPolicyNamingEveryField() {
        String wrong = """
                {"engine": "postgres", "tier": "TIER_1",
                 "schedules": [{"backupType": "FULL", "cron": "61 * * * *"}], "rpo": "5m"}
                """;
        given().contentType(ContentType.JSON).body(wrong).put("/api/policies/wrong-db").then().statusCode(400)
                .body("problems.field", hasItems("connectionRef", "schedules[0].cron"))
                .body("error", containsString("wrong-db"));
        given().contentType(ContentType.JSON).body("{\"engine\": \"oracle\"}").put("/api/policies/wrong-db").then()
                .statusCode(400).body("problems.field", hasItems("engine"));
        given().get("/api/policies/wrong-db").then().statusCode(404);
    }

    @Test
    void validatesWithoutDefiningAndWarnsOfAnRpoTheSchedulesCannotMeet() {
        String policy = policyJson("check-db", "0 2 * * *", "5m").replace("\"continuousArchiving\": true",
                "\"continuousArchiving\": false");
        given().contentType(ContentType.JSON).body(policy).post("/api/policies/validate").then().statusCode(200)
                .body("warnings.field", hasItems("rpo"));
        given().get("/api/policies/check-db").then().statusCode(404);
    }

    @Test
    void definesThePoliciesOfTheStartUpFile() {
        Await.until("the policy of the file is in force", PATIENCE,
                () -> given().get("/api/policies/file-db").statusCode() == 200, () -> "no policy of file-db");
        given().get("/api/policies/file-db").then().body("definedBy", equalTo("policy-file:policies.yaml"))
                .body("failoverMode", equalTo("MANUAL")).body("rpo", equalTo("PT15M"));
    }

    @Test
    void takesAPolicyFromAnotherSystemAndDeadLettersAWrongOneWithTheReason() {
        SchedulerKafka.send(bootstrap(), new DefinePolicy(UUID.randomUUID().toString(),
                spec("kafka-db", "secret://lifeboat/kafka-db", "0 2 * * *"), "cmdb-sync", null, 1));
        DefinePolicy wrong = new DefinePolicy(UUID.randomUUID().toString(), spec("kafka-bad-db", null, "0 2 * * *"),
                "cmdb-sync", null, 1);
        SchedulerKafka.send(bootstrap(), wrong);

        Await.until("the policy of kafka-db is in force", PATIENCE,
                () -> given().get("/api/policies/kafka-db").statusCode() == 200, () -> "no policy of kafka-db");
        Await.until("the wrong policy is dead-lettered", PATIENCE, () -> deadLetterReason(wrong) != null,
                () -> "no dead letter for " + wrong.commandId());
        assertThat(deadLetterReason(wrong)).contains("kafka-bad-db").contains("connectionRef");
        given().get("/api/policies/kafka-bad-db").then().statusCode(404);
    }

    @Test
    void followsAChangedScheduleWithoutARestart() {
        given().contentType(ContentType.JSON).body(policyJson("change-db", "0 2 * * *", "1h"))
                .put("/api/policies/change-db").then().statusCode(201);
        Instant changed = Instant.now();
        given().contentType(ContentType.JSON).body(policyJson("change-db", "*/2 * * * * ?", "1h"))
                .put("/api/policies/change-db").then().statusCode(200);

        Await.until("a backup of the new schedule is issued", PATIENCE, () -> !runs("change-db").isEmpty(),
                () -> "no RunBackup for change-db");
        assertThat(runs("change-db")).allSatisfy(run -> {
            assertThat(run.scheduledFor()).isAfter(changed.minusSeconds(1));
            assertThat(run.scheduledFor().getEpochSecond() % 2).isZero();
        });
        // The schedule's gauges follow: the slot after the newest one handled is due within the next 2 s.
        Pattern nextRun = Pattern.compile("(?m)^lifeboat_scheduler_next_run_timestamp_seconds\\{command=\"run_backup\","
                + "schedule=\"backup:FULL:\\*/2 \\* \\* \\* \\* \\?\",target=\"change-db\"} (\\S+)$");
        Await.until("the next run of change-db on /q/metrics", PATIENCE, () -> {
            Matcher row = nextRun.matcher(given().get("/q/metrics").then().statusCode(200).extract().asString());
            return row.find() && Double.parseDouble(row.group(1)) > changed.getEpochSecond();
        }, () -> "no current next run of change-db: " + given().get("/q/metrics").then().extract().asString()
                .lines().filter(l -> l.startsWith("lifeboat_scheduler")).toList());
    }

    @Test
    void takesABackupOnRequestOnceWithTheIdempotencyKey() {
        given().contentType(ContentType.JSON).body(policyJson("migrating-db", "0 2 * * *", "1h"))
                .put("/api/policies/migrating-db").then().statusCode(201);
        String key = "pre-migration-" + UUID.randomUUID();

        given().contentType(ContentType.JSON).header("Idempotency-Key", key).header("X-Lifeboat-User", "flyway")
                .body("{\"backupType\": \"FULL\"}").post("/api/targets/migrating-db/backups").then().statusCode(202)
                .body("commandId", equalTo(key)).body("topic", equalTo(Topics.COMMANDS_POSTGRES.name()));
        given().contentType(ContentType.JSON).body("{}").post("/targets/migrating-db/backups").then()
                .statusCode(202);
        given().contentType(ContentType.JSON).body("{\"backupType\": \"SNAPSHOT\"}")
                .post("/api/targets/migrating-db/backups").then().statusCode(400)
                .body("error", containsString("SNAPSHOT"));
        given().contentType(ContentType.JSON).body("{}").post("/api/targets/nobody/backups").then().statusCode(404);

        assertThat(runs("migrating-db")).hasSize(2).anySatisfy(run -> {
            assertThat(run.commandId()).isEqualTo(key);
            assertThat(run.requestedBy()).isEqualTo("flyway");
            assertThat(run.backupType()).isEqualTo(BackupType.FULL);
        });
    }

    @Test
    void removesAPolicyWithATombstone() {
        given().contentType(ContentType.JSON).body(policyJson("old-db", "0 2 * * *", "1h"))
                .put("/api/policies/old-db").then().statusCode(201);

        given().delete("/api/policies/old-db").then().statusCode(204);

        given().get("/api/policies/old-db").then().statusCode(404);
        List<ConsumerRecord<String, byte[]>> records = KafkaBroker.shared()
                .readCommitted(Topics.POLICIES.name(), Duration.ofSeconds(10)).stream()
                .filter(r -> "old-db".equals(r.key())).toList();
        assertThat(records).hasSize(2).last().satisfies(r -> assertThat(r.value()).isNull());
    }

    private static String policyJson(String targetId, String cron, String rpo) {
        return """
                {"targetId": "%s", "engine": "postgres", "tier": "TIER_1", "connectionRef": "vault://lifeboat/%s",
                 "schedules": [{"backupType": "FULL", "cron": "%s"}], "continuousArchiving": true, "rpo": "%s",
                 "scheduling": {"staggerWindow": "0s"}}
                """.formatted(targetId, targetId, cron, rpo);
    }

    private static PolicySpec spec(String targetId, String connectionRef, String cron) {
        return new PolicySpec(targetId, Engine.POSTGRES, connectionRef, ProtectionTier.TIER_2,
                List.of(new BackupSchedule(BackupType.FULL, cron)), true, null, null, null, null, null, null, null,
                null);
    }

    private static List<PolicyDefined> policies(String targetId) {
        return SchedulerKafka.read(KafkaBroker.shared(), Topics.POLICIES.name(), PolicyDefined.class).stream()
                .filter(p -> p.targetId().equals(targetId)).toList();
    }

    private static List<RunBackup> runs(String targetId) {
        return SchedulerKafka.read(KafkaBroker.shared(), Topics.COMMANDS_POSTGRES.name(), RunBackup.class).stream()
                .filter(run -> run.targetId().equals(targetId)).toList();
    }

    private static String deadLetterReason(DefinePolicy command) {
        for (ConsumerRecord<String, byte[]> record : KafkaBroker.shared().readCommitted(Topics.DEADLETTER.name(),
                Duration.ofSeconds(5))) {
            String value = record.value() == null ? "" : new String(record.value(), StandardCharsets.UTF_8);
            var reason = record.headers().lastHeader(DeadLetterHeaders.REASON);
            if (value.contains(command.commandId()) && reason != null) {
                return new String(reason.value(), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private static String bootstrap() {
        return KafkaBroker.shared().bootstrapServers();
    }
}
