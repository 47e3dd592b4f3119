package io.lifeboat.dr.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class PgInspectorTest {

    @Test
    void reportsAnUnreachableMemberWithItsErrorInsteadOfThrowing() {
        PgMemberState state = new PgInspector().inspect(Members.nowhere("pg-gone"), Duration.ofSeconds(2));

        assertThat(state.reachable()).isFalse();
        assertThat(state.writable()).isFalse();
        assertThat(state.error()).isNotBlank();
        assertThat(state.lastKnownPosition()).isEmpty();
        assertThat(state.summary()).startsWith("PostgreSQL member 'pg-gone' unreachable");
    }

    @Test
    void keepsThePasswordOutOfTheEndpointsText() {
        PgEndpoint endpoint = new PgEndpoint("pg-1", "jdbc:postgresql://db/postgres", "lifeboat", "s3cret");

        assertThat(endpoint.toString()).contains("pg-1", "lifeboat").doesNotContain("s3cret");
    }
}
