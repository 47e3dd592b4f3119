package io.lifeboat.dr.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.lifeboat.testkit.postgres.PostgresServer;
import io.lifeboat.testkit.postgres.ShutdownMode;

class FenceOnReturnIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Test
    void fencesTheOldPrimaryWhenItComesBackWritableSoThatOnlyThePromotedStandbyAcceptsWrites() throws Exception {
        try (PostgresServer oldPrimary = PostgresServer.start()) {
            PostgresServer standby = oldPrimary.startStandby();
            Members.execute(oldPrimary, "CREATE TABLE ledger (id int PRIMARY KEY)", "INSERT INTO ledger VALUES (1)");
            standby.awaitReplayOfPrimary();
            PgEndpoint p = Members.endpoint("pg-old", oldPrimary);
            PgEndpoint s = Members.endpoint("pg-new", standby);

            oldPrimary.stop(ShutdownMode.IMMEDIATE);
            FenceResult fence = new Fencer().fence(p, Duration.ofSeconds(2));
            new Promoter().promote(s, TIMEOUT);
            FenceOnReturn onReturn = new FenceOnReturn();
            ReturnCheck whileDown = onReturn.check(p, Duration.ofSeconds(2));

            assertThat(fence.provablyFenced()).isFalse();
            assertThat(whileDown.outcome()).isEqualTo(ReturnCheck.Outcome.STILL_UNREACHABLE);
            assertThat(whileDown.provablyFenced()).isFalse();

            // Restarted after the crash it is a primary again, on the old timeline, taking writes: the danger.
            oldPrimary.restart();
            Members.execute(oldPrimary, "INSERT INTO ledger VALUES (2)");

            ReturnCheck back = onReturn.check(p, TIMEOUT);

            assertThat(back.outcome()).as(back.summary()).isEqualTo(ReturnCheck.Outcome.CAME_BACK_WRITABLE_AND_FENCED);
            assertThat(back.provablyFenced()).isTrue();
            assertThat(back.seen().writable()).isTrue();
            assertThat(back.seen().timeline()).isEqualTo(1L);
            assertThat(back.summary()).startsWith("PostgreSQL member 'pg-old' came back writable and was fenced");
            assertThatThrownBy(() -> Members.execute(oldPrimary, "INSERT INTO ledger VALUES (3)"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("read-only transaction");
            assertThat(new WriteCheck().verify(s, TIMEOUT).member()).isEqualTo("pg-new");
            assertThat(new PgInspector().inspect(s, TIMEOUT).timeline()).isEqualTo(2L);

            ReturnCheck again = onReturn.check(p, TIMEOUT);

            assertThat(again.outcome()).isEqualTo(ReturnCheck.Outcome.NOT_WRITABLE);
            assertThat(again.fenceResult()).isEmpty();
        }
    }
}
