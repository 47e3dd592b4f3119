package io.lifeboat.dr.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.lifeboat.events.dr.RestoreScenario;

class RunbookTest {

    @Test
    void ordersCompleteFailureRestoresIntoLayersByDependency() {
        RecoveryGroup group = new RecoveryGroup("shop", Map.of("app-files", Set.of(), "postgres", Set.of(),
                "redis", Set.of("postgres"), "search", Set.of("postgres", "redis")));

        assertThat(group.layers()).containsExactly(List.of("app-files", "postgres"), List.of("redis"),
                List.of("search"));
        assertThat(Runbooks.completeFailure(group).stepIds()).containsExactly("restore-layer-1", "await-layer-1",
                "restore-layer-2", "await-layer-2", "restore-layer-3", "await-layer-3", "report");
        assertThat(Runbooks.completeFailure(group).step("restore-layer-1").orElseThrow().description())
                .contains("[app-files, postgres]");
    }

    @Test
    void rejectsACycleOfDependenciesNamingIt() {
        RecoveryGroup group = new RecoveryGroup("shop", Map.of("app-files", Set.of(), "postgres", Set.of("redis"),
                "redis", Set.of("postgres")));

        assertThatThrownBy(() -> Runbooks.completeFailure(group)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("recovery group 'shop'")
                .hasMessageContaining("cycle postgres -> redis -> postgres");
    }

    @Test
    void rejectsADependencyOnATargetOutsideTheGroup() {
        assertThatThrownBy(() -> new RecoveryGroup("shop", Map.of("redis", Set.of("postgres"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("target 'redis' depends on 'postgres', which is not in the group");
    }

    @Test
    void failsOverPostgresByFencingBeforePromoting() {
        Runbook runbook = Runbooks.postgresPrimaryFailure();

        assertThat(runbook.stepIds()).containsExactly("check-quorum", "check-standby", "fence-primary",
                "promote-standby", "verify-writable", "announce", "follow-new-timeline", "request-full-backup");
        assertThat(runbook.steps()).noneMatch(StepDefinition::needsApproval);
    }

    @Test
    void restoresIntoANewInstanceAndCutsOverOnlyWithAnApproval() {
        for (RestoreScenario scenario : List.of(RestoreScenario.CORRUPTION, RestoreScenario.DATA_LOSS,
                RestoreScenario.POINT_IN_TIME)) {
            Runbook runbook = Runbooks.restoreToNewInstance(scenario);

            assertThat(runbook.id()).isEqualTo("restore-" + scenario.slug());
            assertThat(runbook.stepIds()).containsExactly("choose-recovery-point", "restore-into-new-instance",
                    "await-restore", "verify-restore", "report", "cutover");
            assertThat(runbook.step("cutover").orElseThrow().needsApproval()).isTrue();
            assertThat(runbook.step("cutover").orElseThrow().description()).contains("forensics");
        }
    }

    @Test
    void drillsIntoAScratchInstanceAndCleansUpLast() {
        assertThat(Runbooks.drill().stepIds()).containsExactly("pick-backup", "restore-into-scratch", "await-restore",
                "check-data", "report", "clean-up");
    }

    @Test
    void rejectsARunbookWithTheSameStepTwice() {
        StepDefinition step = StepDefinition.automatic("announce", "Publish the result");

        assertThatThrownBy(() -> new Runbook("twice", RunbookKind.DRILL, List.of(step, step)))
                .hasMessageContaining("runbook 'twice' has step 'announce' twice");
    }
}
