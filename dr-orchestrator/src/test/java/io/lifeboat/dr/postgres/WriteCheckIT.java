package io.lifeboat.dr.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.lifeboat.testkit.postgres.PostgresServer;

class WriteCheckIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private static PostgresServer primary;
    private static PostgresServer standby;

    @BeforeAll
    static void startServers() {
        primary = PostgresServer.start();
        standby = primary.startStandby();
    }

    @AfterAll
    static void stopServers() {
        if (primary != null) {
            primary.close();
        }
    }

    @Test
    void confirmsAPrimaryAcceptsWritesWithTheRowReadBack() throws Exception {
        WriteCheckResult result = new WriteCheck().verify(Members.endpoint("pg-1", primary), TIMEOUT);

        assertThat(result.member()).isEqualTo("pg-1");
        assertThat(result.took()).isPositive();
        assertThat(result.summary()).startsWith("PostgreSQL member 'pg-1' accepts writes");
        try (Connection connection = primary.connect();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT count(*) FROM lifeboat_failover_check")) {
            row.next();
            assertThat(row.getInt(1)).isEqualTo(1);
        }
    }

    @Test
    void overwritesItsOneRowWhenRunAgain() {
        WriteCheck check = new WriteCheck();
        WriteCheckResult first = check.verify(Members.endpoint("pg-1", primary), TIMEOUT);

        WriteCheckResult second = check.verify(Members.endpoint("pg-1", primary), TIMEOUT);

        assertThat(second.written()).isAfterOrEqualTo(first.written());
    }

    @Test
    void failsNamingTheMemberAndTheReadOnlyCauseOnAStandby() {
        assertThatThrownBy(() -> new WriteCheck().verify(Members.endpoint("pg-standby", standby), TIMEOUT))
                .isInstanceOf(PgActionException.class)
                .hasMessageContaining("PostgreSQL member 'pg-standby' does not accept writes")
                .hasMessageContaining("read-only transaction");
    }

    @Test
    void inspectsThePrimaryAndTheStandbyWithTheirRolesAndPositions() {
        standby.awaitReplayOfPrimary();
        PgInspector inspector = new PgInspector();

        PgMemberState onPrimary = inspector.inspect(Members.endpoint("pg-1", primary), TIMEOUT);
        PgMemberState onStandby = inspector.inspect(Members.endpoint("pg-standby", standby), TIMEOUT);

        assertThat(onPrimary.reachable()).as(onPrimary.error()).isTrue();
        assertThat(onPrimary.inRecovery()).isFalse();
        assertThat(onPrimary.writable()).isTrue();
        assertThat(onPrimary.timeline()).isEqualTo(1L);
        assertThat(onPrimary.currentLsn()).isNotNull();
        assertThat(onPrimary.receiveLsn()).isNull();
        assertThat(onStandby.inRecovery()).isTrue();
        assertThat(onStandby.writable()).isFalse();
        assertThat(onStandby.timeline()).isEqualTo(1L);
        assertThat(onStandby.currentLsn()).isNull();
        assertThat(onStandby.receiveLsn()).isNotNull();
        assertThat(onStandby.replayLsn()).isNotNull();
        assertThat(onStandby.replayLag()).isNotNull();
        assertThat(DataLossEstimate.between(onPrimary, onStandby).known()).isTrue();
    }
}
