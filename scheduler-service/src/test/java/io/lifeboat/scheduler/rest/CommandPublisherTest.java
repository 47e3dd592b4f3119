package io.lifeboat.scheduler.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.lifeboat.events.Command;
import io.lifeboat.events.Engine;
import io.lifeboat.events.backup.BackupType;
import io.lifeboat.events.backup.RunBackup;
import io.lifeboat.events.envelope.Envelope;

class CommandPublisherTest {

    private static final String CALLER = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
    private static final RunBackup RUN = new RunBackup("c-1", "orders-db", Engine.POSTGRES, BackupType.FULL,
            "rest-api", Instant.parse("2026-11-21T08:00:00Z"), null, 1);

    @Test
    void aRequestWithATraceparentPutsTheCommandInTheCallersTrace() {
        Envelope<Command> command = CommandPublisher.envelope(RUN, CALLER, "rojo=00f067aa0ba902b7");

        assertThat(command.trace().traceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(command.trace().spanId()).isNotEqualTo("00f067aa0ba902b7");
        assertThat(command.trace().tracestate()).isEqualTo("rojo=00f067aa0ba902b7");
    }

    @Test
    void aRequestWithoutAValidTraceparentStartsATrace() {
        Envelope<Command> untraced = CommandPublisher.envelope(RUN, null, null);
        Envelope<Command> invalid = CommandPublisher.envelope(RUN, "00-not-a-trace-01", null);

        assertThat(untraced.trace().traceparent()).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
        assertThat(invalid.trace().traceId()).isNotEqualTo(untraced.trace().traceId());
    }
}
