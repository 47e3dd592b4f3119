package io.lifeboat.scheduler.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.lifeboat.events.Engine;
import io.lifeboat.events.policy.PolicySpec;

class PolicyFileTest {

    private static final String REDIS = """
              - targetId: sessions
                engine: redis
                tier: tier_3
                connectionRef: vault://sessions
                schedules:
                  - backupType: snapshot
                    cron: "0 */6 * * *"
                rpo: 6h
            """;

    @TempDir
    Path dir;

    @Test
    void readsAListOfPolicies() throws IOException {
        Path file = write("""
                - targetId: orders-db
                  engine: postgres
                  tier: TIER_1
                  connectionRef: vault://orders
                  continuousArchiving: true
                """ + REDIS.stripIndent().indent(-2));

        List<PolicySpec> specs = PolicyFile.read(file);

        assertThat(specs).extracting(PolicySpec::targetId).containsExactly("orders-db", "sessions");
        assertThat(specs).extracting(PolicySpec::engine).containsExactly(Engine.POSTGRES, Engine.REDIS);
    }

    @Test
    void readsAMappingOfPolicies() throws IOException {
        Path file = write("policies:\n" + REDIS);

        assertThat(PolicyFile.read(file)).extracting(PolicySpec::targetId).containsExactly("sessions");
    }

    @Test
    void readsNoPolicyFromAnEmptyFile() throws IOException {
        assertThat(PolicyFile.read(write(""))).isEmpty();
    }

    @Test
    void namesFileIndexTargetLineAndFieldOfEveryErrorInEveryPolicy() throws IOException {
        Path file = write("""
                policies:
                  - targetId: orders-db
                    engine: postgres
                    tier: TIER_1
                    connectionRef: vault://orders
                    continuousArchiving: true
                    schedules:
                      - backupType: FULL
                        cron: "0 2 * * *"
                      - backupType: LOGICAL
                        cron: "0 25 * * *"
                  - targetId: cache
                    engine: oracle
                    tier: TIER_1
                  - targetId: files
                    engine: filesystem
                    connectionRef: env:FILES
                """);

        PolicyFileException e = catchThrowableOfType(PolicyFileException.class, () -> PolicyFile.read(file));

        assertThat(e.file()).isEqualTo(file);
        assertThat(e.problems()).containsExactly(
                "policies.yaml: policies[0] (orders-db) line 11: schedules[1].cron: invalid cron '0 25 * * *': "
                        + e.problems().get(0).substring(e.problems().get(0).indexOf("'0 25 * * *': ") + 14),
                "policies.yaml: policies[1] (cache) line 13: engine: unknown value 'oracle'; one of postgres, redis,"
                        + " mongodb, filesystem",
                "policies.yaml: policies[2] (files) line 15: tier: is required");
        assertThat(e.getMessage()).isEqualTo(String.join("\n", e.problems()));
    }

    @Test
    void rejectsTwoPoliciesForTheSameTarget() throws IOException {
        Path file = write(REDIS.stripIndent().indent(-2) + REDIS.stripIndent().indent(-2));

        PolicyFileException e = catchThrowableOfType(PolicyFileException.class, () -> PolicyFile.read(file));

        assertThat(e.problems()).containsExactly("policies.yaml: policies[1] (sessions) line 9: targetId: 'sessions'"
                + " is also the target of policies[0]; a target has one policy");
    }

    @Test
    void namesTheLineOfInvalidYaml() throws IOException {
        Path file = write("""
                - targetId: orders
                  schedules:
                    - backupType: FULL
                      cron: */5 * * * *
                """);

        PolicyFileException e = catchThrowableOfType(PolicyFileException.class, () -> PolicyFile.read(file));

        assertThat(e.problems()).singleElement().asString().startsWith("policies.yaml: line 4: not valid YAML: ");
    }

    @Test
    void rejectsAMappingWithoutPolicies() throws IOException {
        Path file = write("policy:\n" + REDIS);

        PolicyFileException e = catchThrowableOfType(PolicyFileException.class, () -> PolicyFile.read(file));

        assertThat(e.problems()).singleElement().asString().startsWith("policies.yaml: line 1: expected a list of"
                + " policies, or a mapping whose only key is 'policies'");
    }

    @Test
    void acceptsTheExampleFileWithOnePolicyPerEngineAndNoWarning() throws Exception {
        Path example = Path.of(PolicyFile.class.getResource("/policies.example.yaml").toURI());

        List<PolicySpec> specs = PolicyFile.read(example);

        assertThat(specs).extracting(PolicySpec::engine).containsExactly(Engine.POSTGRES, Engine.REDIS,
                Engine.MONGODB, Engine.FILESYSTEM);
        assertThat(specs).allSatisfy(spec -> assertThat(PolicyRules.check(spec).warnings()).isEmpty());
    }

    private Path write(String yaml) throws IOException {
        return Files.writeString(dir.resolve("policies.yaml"), yaml);
    }
}
