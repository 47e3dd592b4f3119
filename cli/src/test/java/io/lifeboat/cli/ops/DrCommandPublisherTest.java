package io.lifeboat.cli.ops;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.lifeboat.events.Command;
import io.lifeboat.events.dr.ApproveRun;
import io.lifeboat.events.envelope.Envelope;

class DrCommandPublisherTest {

    private static final ApproveRun APPROVE = new ApproveRun("c-1", "orders-db", "failover-1", "promote-standby", true,
            null,
            "jane", null, 1);

    @Test
    void aCommandContinuesTheTraceOfTheCallingScript() {
        Envelope<Command> command = DrCommandPublisher.envelope(APPROVE,
                "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", null);

        assertThat(command.trace().traceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(command.trace().spanId()).isNotEqualTo("00f067aa0ba902b7");
        assertThat(command.source().toString()).isEqualTo("urn:lifeboat:lifeboat-cli");
    }

    @Test
    void aCommandWithoutACallerTraceStartsOne() {
        Envelope<Command> command = DrCommandPublisher.envelope(APPROVE, null, null);

        assertThat(command.trace().traceparent()).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
    }
}
