package io.lifeboat.dr.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.lifeboat.dr.domain.RefusedCommands;
import io.lifeboat.events.dr.ApproveRun;
import io.lifeboat.events.dr.DrCommandRefused;
import io.lifeboat.events.dr.RestoreScenario;
import io.lifeboat.events.dr.StartDrill;
import io.lifeboat.events.dr.StartFailover;
import io.lifeboat.events.dr.StartRestore;

class CommandRefusalsTest {

    private static final Instant T = Instant.parse("2026-11-21T12:05:00Z");
    private static final String HOLD_DOWN = "target 'orders-db' failed over at 2026-11-21T12:00:31Z and is in its "
            + "PT30M hold-down";

    private final List<DrCommandRefused> published = new ArrayList<>();
    private final CommandRefusals refusals = new CommandRefusals(published::add, new RefusedCommands(100),
            Clock.fixed(T, ZoneOffset.UTC));

    private static StartFailover failover(String commandId) {
        return new StartFailover(commandId, "orders-db", "ops asked", null, "ops:jane", null, 1);
    }

    @Test
    void publishesTheRefusalWithTheRunTheCommandWouldHaveStartedAndWhy() {
        refusals.refuse(failover("c-1"), "orders-db", HOLD_DOWN);

        assertThat(published).containsExactly(new DrCommandRefused("c-1", "orders-db", "failover-c-1",
                "StartFailover", HOLD_DOWN, T));
    }

    @Test
    void publishesOncePerCommandIdWhenTheCommandIsRedelivered() {
        refusals.refuse(failover("c-1"), "orders-db", HOLD_DOWN);
        refusals.refuse(failover("c-1"), "orders-db", "target 'orders-db' already has active run 'failover-c-0'");
        refusals.refuse(failover("c-2"), "orders-db", HOLD_DOWN);

        assertThat(published).extracting(DrCommandRefused::commandId, DrCommandRefused::reason)
                .containsExactly(tuple("c-1", HOLD_DOWN),
                        tuple("c-2", HOLD_DOWN));
    }

    @Test
    void publishesAgainOnRedeliveryWhenTheBrokerDidNotTakeTheFirstRefusal() {
        List<DrCommandRefused> taken = new ArrayList<>();
        boolean[] brokerDown = {true};
        CommandRefusals flaky = new CommandRefusals(refusal -> {
            if (brokerDown[0]) {
                throw new IllegalStateException("the broker did not take facts");
            }
            taken.add(refusal);
        }, new RefusedCommands(100), Clock.fixed(T, ZoneOffset.UTC));

        flaky.refuse(failover("c-1"), "orders-db", HOLD_DOWN);
        brokerDown[0] = false;
        flaky.refuse(failover("c-1"), "orders-db", HOLD_DOWN);

        assertThat(taken).extracting(DrCommandRefused::commandId).containsExactly("c-1");
    }

    @Test
    void keysARecoveryGroupsRefusalByTheGroupId() {
        StartRestore recovery = new StartRestore("c-9", "shop", RestoreScenario.COMPLETE_FAILURE, null, null, null,
                false, "ops:jane", "the data centre is gone", null, 1);

        refusals.refuse(recovery, "shop", "target 'shop' already has active run 'recovery-c-8'");

        assertThat(published).singleElement().satisfies(refusal -> assertThat(List.of(refusal.targetId(),
                refusal.runId(), refusal.command())).containsExactly("shop", "recovery-c-9", "StartRestore"));
    }

    @Test
    void namesTheRunOfEachKindOfCommandAsTheOrchestratorDoes() {
        assertThat(List.of(
                CommandRefusals.runIdOf(failover("c-1")),
                CommandRefusals.runIdOf(new StartDrill("c-2", "orders-db", null, null, "scheduler", null, 1)),
                CommandRefusals.runIdOf(new StartRestore("c-3", "orders-db", RestoreScenario.POINT_IN_TIME, T, null,
                        null, false, "ops:jane", null, null, 1)),
                CommandRefusals.runIdOf(new ApproveRun("c-4", "orders-db", "failover-c-1", "check-quorum", true,
                        null, "ops:jane", null, 1))))
                .containsExactly("failover-c-1", "drill-c-2", "restore-c-3", "failover-c-1");
    }
}
