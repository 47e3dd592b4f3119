package io.lifeboat.dr.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.lifeboat.events.envelope.LifeboatJson;

class RunStateJsonTest {

    @Test
    void readsBackTheSameRunStateItWroteAsJson() throws Exception {
        RunMachine machine = new RunMachine(RunSettings.defaults());
        Instant at = Instant.parse("2027-03-01T10:00:00Z");
        RunState state = machine.start(new RunRequest("run-1", "orders-db", Runbooks.postgresPrimaryFailure(),
                RunMode.MANUAL, false, "alice", "primary down", at), TargetRuns.none()).state();
        state = machine.claim(state, "orchestrator-a", at.plusSeconds(1)).state();
        state = machine.approve(state, "bob", at.plusSeconds(2)).state();
        state = machine.stepStarted(state, new StepReport("check-quorum", state.epoch(), at.plusSeconds(3), null))
                .state();
        ObjectMapper json = LifeboatJson.mapper();

        RunState read = json.readValue(json.writeValueAsString(state), RunState.class);

        assertThat(read).isEqualTo(state);
        assertThat(json.writeValueAsString(state)).doesNotContain("\"active\"", "\"audit\"");
    }
}
