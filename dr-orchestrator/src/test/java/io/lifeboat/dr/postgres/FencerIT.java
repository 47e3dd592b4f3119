package io.lifeboat.dr.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.lifeboat.testkit.postgres.PostgresServer;
import io.lifeboat.testkit.process.OsUser;

class FencerIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @Test
    void fencesAReachablePrimarySoThatNewSessionsCannotWriteAndOpenSessionsAreCut() throws Exception {
        try (PostgresServer server = PostgresServer.start()) {
            Members.execute(server, "CREATE TABLE ledger (id int PRIMARY KEY)");
            Members.awaitNoOtherSessions(server);
            PgEndpoint member = Members.endpoint("pg-old", server);
            try (Connection open = server.connect(); Statement openStatement = open.createStatement()) {
                // A session that turned the read-only default off for itself: only cutting it stops its writes.
                openStatement.execute("SET default_transaction_read_only = off");

                FenceResult result = new Fencer().fence(member, TIMEOUT);

                assertThat(result.provablyFenced()).as(result.summary()).isTrue();
                assertThat(result.proof()).isEqualTo(FenceProof.READ_ONLY_CONFIRMED);
                assertThat(result.readOnly().status()).isEqualTo(ReadOnlyOutcome.Status.APPLIED);
                assertThat(result.readOnly().terminatedSessions()).isEqualTo(1);
                assertThat(result.commandOutcome()).isEmpty();
                assertThat(result.after().readOnlyDefault()).isTrue();
                assertThat(result.summary()).startsWith("PostgreSQL member 'pg-old': set default_transaction_read_only"
                        + " = on and cut 1 client session(s)").contains("provably fenced");
                assertThatThrownBy(() -> openStatement.execute("INSERT INTO ledger VALUES (1)"))
                        .isInstanceOf(SQLException.class);
            }
            assertThatThrownBy(() -> Members.execute(server, "INSERT INTO ledger VALUES (2)"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("read-only transaction")
                    .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("25006");
        }
    }

    @Test
    void fencingTwiceIsHarmlessAndStillProvablyFenced() {
        try (PostgresServer server = PostgresServer.start()) {
            PgEndpoint member = Members.endpoint("pg-old", server);
            Fencer fencer = new Fencer();
            fencer.fence(member, TIMEOUT);
            Members.awaitNoOtherSessions(server);

            FenceResult again = fencer.fence(member, TIMEOUT);

            assertThat(again.readOnly().status()).isEqualTo(ReadOnlyOutcome.Status.APPLIED);
            assertThat(again.readOnly().terminatedSessions()).isZero();
            assertThat(again.proof()).isEqualTo(FenceProof.READ_ONLY_CONFIRMED);
        }
    }

    @Test
    void stopsTheMemberWithTheFenceCommandAndReportsItStopped() {
        try (PostgresServer server = PostgresServer.start()) {
            PgEndpoint member = Members.endpoint("pg-old", server);
            // pg_ctl refuses root: run it as the server's OS user, the way the testkit runs its own pg_ctl calls.
            List<String> stop = new OsUser("postgres").wrap(List.of(server.binDir().resolve("pg_ctl").toString(),
                    "-D", server.dataDir().toString(), "-m", "immediate", "-w", "stop"));
            FenceCommand command = new FenceCommand(stop, Duration.ofSeconds(30), server.dataDir().getParent());

            FenceResult result = new Fencer(command).fence(member, TIMEOUT);

            assertThat(result.proof()).as(result.summary()).isEqualTo(FenceProof.STOPPED_BY_COMMAND);
            assertThat(result.provablyFenced()).isTrue();
            assertThat(result.readOnly().status()).isEqualTo(ReadOnlyOutcome.Status.APPLIED);
            assertThat(result.command().succeeded()).isTrue();
            assertThat(result.command().output()).contains("server stopped");
            assertThat(result.after().reachable()).isFalse();
            assertThat(result.summary()).contains("exited with 0", "provably fenced: the fence command succeeded");

            // The read-only layer is kept in postgresql.auto.conf: restarted, the member still starts read-only.
            server.restart();
            assertThat(new PgInspector().inspect(member, TIMEOUT).readOnlyDefault()).isTrue();
        }
    }

    @Test
    void reportsAnUnreachableMemberWithoutACommandAsNotProvablyFenced() {
        FenceResult result = new Fencer().fence(Members.nowhere("pg-gone"), Duration.ofSeconds(2));

        assertThat(result.provablyFenced()).isFalse();
        assertThat(result.proof()).isEqualTo(FenceProof.NONE);
        assertThat(result.readOnly().status()).isEqualTo(ReadOnlyOutcome.Status.UNREACHABLE);
        assertThat(result.summary()).startsWith("PostgreSQL member 'pg-gone': unreachable, not fenced yet")
                .contains("no fence command configured", "NOT provably fenced");
    }

    @Test
    void reportsAnUnreachableMemberWhoseFenceCommandFailedAsNotProvablyFenced() {
        FenceCommand failing = FenceCommand.of(Duration.ofSeconds(10), "sh", "-c", "echo no such instance; exit 3");

        FenceResult result = new Fencer(failing).fence(Members.nowhere("pg-gone"), Duration.ofSeconds(2));

        assertThat(result.provablyFenced()).isFalse();
        assertThat(result.command().exitCode()).isEqualTo(3);
        assertThat(result.command().output()).contains("no such instance");
        assertThat(result.summary()).contains("exited with 3: no such instance", "NOT provably fenced");
    }
}
