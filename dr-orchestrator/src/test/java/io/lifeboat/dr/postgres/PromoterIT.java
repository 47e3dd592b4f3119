package io.lifeboat.dr.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.lifeboat.testkit.postgres.PostgresServer;

class PromoterIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private static PostgresServer primary;

    @BeforeAll
    static void startPrimary() throws Exception {
        primary = PostgresServer.start();
        Members.execute(primary, "CREATE TABLE ledger (id int PRIMARY KEY)", "INSERT INTO ledger VALUES (1)");
    }

    @AfterAll
    static void stopPrimary() {
        if (primary != null) {
            primary.close();
        }
    }

    @Test
    void promotesAStreamingStandbyOntoANewTimelineWhereItAcceptsWrites() {
        PostgresServer standby = primary.startStandby().awaitReplayOfPrimary();
        PgEndpoint member = Members.endpoint("pg-standby", standby);

        PromotionResult result = new Promoter().promote(member, TIMEOUT);

        assertThat(result.alreadyPromoted()).isFalse();
        assertThat(result.timelineBefore()).isEqualTo(1L);
        assertThat(result.timelineAfter()).isEqualTo(2L);
        assertThat(result.took()).isPositive();
        assertThat(result.summary()).contains("'pg-standby' promoted from timeline 1 to 2");
        assertThat(new WriteCheck().verify(member, TIMEOUT).member()).isEqualTo("pg-standby");
    }

    @Test
    void reportsASecondPromotionAsAlreadyPromotedAndLeavesTheTimeline() {
        PostgresServer standby = primary.startStandby().awaitReplayOfPrimary();
        PgEndpoint member = Members.endpoint("pg-standby", standby);
        PromotionResult first = new Promoter().promote(member, TIMEOUT);

        PromotionResult again = new Promoter().promote(member, TIMEOUT);

        assertThat(again.alreadyPromoted()).isTrue();
        assertThat(again.timelineAfter()).isEqualTo(first.timelineAfter());
        assertThat(again.took()).isZero();
        assertThat(again.summary()).contains("'pg-standby' already promoted");
    }

    @Test
    void takesAPrimaryPromotedByAnotherHandAsAlreadyPromoted() {
        PostgresServer standby = primary.startStandby().awaitReplayOfPrimary().promote();

        PromotionResult result = new Promoter().promote(Members.endpoint("pg-standby", standby), TIMEOUT);

        assertThat(result.alreadyPromoted()).isTrue();
    }

    @Test
    void failsNamingTheMemberWhenItIsUnreachable() {
        assertThatThrownBy(() -> new Promoter().promote(Members.nowhere("pg-gone"), Duration.ofSeconds(2)))
                .isInstanceOf(PgActionException.class)
                .hasMessageStartingWith("unable to promote PostgreSQL member 'pg-gone': unreachable")
                .extracting(e -> ((PgActionException) e).member()).isEqualTo("pg-gone");
    }
}
