package io.lifeboat.scheduler.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.lifeboat.events.Engine;
import io.lifeboat.events.backup.BackupType;
import io.lifeboat.events.policy.BackupSchedule;
import io.lifeboat.events.policy.MisfireHandling;
import io.lifeboat.events.policy.PolicySpec;
import io.lifeboat.events.policy.ProtectionTier;

class PolicyMapperTest {

    @Test
    void readsIsoAndShortDurations() throws Exception {
        PolicySpec spec = PolicyMapper.readSpec("""
                {"rpo": "PT5M", "rto": "2h", "retention": {"maxAge": "P30D", "keepWithin": "1d12h",
                 "bucketAges": {"hourly": "30s", "daily": "30d", "weekly": "90m"}},
                 "scheduling": {"staggerWindow": "10M"}}
                """);

        assertThat(spec.rpo()).isEqualTo(Duration.ofMinutes(5));
        assertThat(spec.rto()).isEqualTo(Duration.ofHours(2));
        assertThat(spec.retention().maxAge()).isEqualTo(Duration.ofDays(30));
        assertThat(spec.retention().keepWithin()).isEqualTo(Duration.ofHours(36));
        assertThat(spec.retention().bucketAges().hourly()).isEqualTo(Duration.ofSeconds(30));
        assertThat(spec.retention().bucketAges().daily()).isEqualTo(Duration.ofDays(30));
        assertThat(spec.retention().bucketAges().weekly()).isEqualTo(Duration.ofMinutes(90));
        assertThat(spec.scheduling().staggerWindow()).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void readsEngineAndEnumValuesInAnyCase() throws Exception {
        PolicySpec lower = PolicyMapper.readSpec("""
                {"engine": "postgres", "tier": "tier_1", "schedules": [{"backupType": "full", "cron": "0 2 * * *"}],
                 "scheduling": {"misfire": "fire_all"}, "failoverMode": "Manual"}
                """);
        PolicySpec upper = PolicyMapper.readSpec("{\"engine\": \"MONGODB\"}");
        PolicySpec files = PolicyMapper.readSpec("{\"engine\": \"filesystem\"}");

        assertThat(lower.engine()).isEqualTo(Engine.POSTGRES);
        assertThat(lower.tier()).isEqualTo(ProtectionTier.TIER_1);
        assertThat(lower.schedules()).containsExactly(new BackupSchedule(BackupType.FULL, "0 2 * * *"));
        assertThat(lower.scheduling().misfire()).isEqualTo(MisfireHandling.FIRE_ALL);
        assertThat(upper.engine()).isEqualTo(Engine.MONGODB);
        assertThat(files.engine()).isEqualTo(Engine.FILESYSTEM);
    }

    @Test
    void namesTheEngineFieldAndTheEngineIdsWhenTheEngineIsUnknown() {
        assertThat(problems("{\"targetId\": \"orders\", \"engine\": \"oracle\"}")).extracting(PolicyProblem::toString)
                .containsExactly("engine: unknown value 'oracle'; one of postgres, redis, mongodb, filesystem");
    }

    @Test
    void namesTheCronOfTheScheduleWhenAScheduleHasNoCron() {
        assertThat(problems("{\"schedules\": [{\"backupType\": \"FULL\", \"cron\": \"0 2 * * *\"},"
                + " {\"backupType\": \"FULL\"}]}")).extracting(PolicyProblem::toString)
                .containsExactly("schedules[1].cron: is required");
    }

    @Test
    void namesTheBackupTypeOfTheScheduleWhenItIsUnknown() {
        assertThat(problems("{\"schedules\": [{\"backupType\": \"WAL\", \"cron\": \"0 2 * * *\"}]}"))
                .extracting(PolicyProblem::toString)
                .containsExactly("schedules[0].backupType: unknown value 'WAL'; one of FULL, INCREMENTAL, DIFFERENTIAL,"
                        + " LOGICAL, SNAPSHOT");
    }

    @Test
    void namesTheDurationFieldWhenADurationCannotBeRead() {
        assertThat(problems("{\"rpo\": \"5 minutes\"}")).extracting(PolicyProblem::toString)
                .containsExactly("rpo: invalid duration '5 minutes': " + LenientDurationDeserializer.HINT);
        assertThat(problems("{\"retention\": {\"maxAge\": 30}}")).extracting(PolicyProblem::field)
                .containsExactly("retention.maxAge");
    }

    @Test
    void namesTheRecordFieldWhenItsConstructorRejectsAValue() {
        assertThat(problems("{\"scheduling\": {\"misfireCap\": 0}}")).extracting(PolicyProblem::toString)
                .containsExactly("scheduling.misfireCap: must be at least 1, was 0");
        assertThat(problems(
                "{\"storageTiers\": [{\"name\": \"hot\", \"afterDays\": -1, \"storageClass\": \"STANDARD\"}]}"))
                .extracting(PolicyProblem::field).containsExactly("storageTiers[0].afterDays");
    }

    @Test
    void namesAnUnknownFieldInsteadOfIgnoringIt() {
        List<PolicyProblem> problems = problems("{\"continousArchiving\": true}");

        assertThat(problems).extracting(PolicyProblem::field).containsExactly("continousArchiving");
        assertThat(problems.get(0).message()).startsWith("unknown field; known fields: ")
                .contains("continuousArchiving");
    }

    @Test
    void namesTheFieldWhenAValueHasTheWrongShape() {
        assertThat(problems("{\"schedules\": \"daily\"}")).extracting(PolicyProblem::toString)
                .containsExactly("schedules: expected a list");
    }

    @Test
    void reportsAMalformedDocumentAsAProblemOfThePolicy() {
        assertThat(problems("{\"targetId\": ")).extracting(PolicyProblem::field).containsExactly("policy");
    }

    @Test
    void readsTheSameFieldsFromYaml() throws Exception {
        PolicySpec spec = PolicyMapper.yaml().readValue("""
                targetId: orders
                engine: Postgres
                rpo: 5m
                schedules:
                  - backupType: full
                    cron: "0 2 * * *"
                """, PolicySpec.class);

        assertThat(spec.engine()).isEqualTo(Engine.POSTGRES);
        assertThat(spec.rpo()).isEqualTo(Duration.ofMinutes(5));
        assertThat(spec.schedules()).hasSize(1);
    }

    private static List<PolicyProblem> problems(String json) {
        JsonProcessingException e = catchThrowableOfType(JsonProcessingException.class,
                () -> PolicyMapper.readSpec(json));
        assertThat(e).as("reading %s fails", json).isNotNull();
        return PolicyMapper.describe(e);
    }
}
