package io.lifeboat.dr.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class DataLossEstimateTest {

    private static final Instant SEEN = Instant.parse("2025-03-01T10:00:00Z");

    @Test
    void countsTheBytesThePrimaryHadWrittenThatTheStandbyHadNotReceived() {
        DataLossEstimate estimate = DataLossEstimate.between(primaryAt("0/3000060"),
                standby("0/3000000", "0/2FFFF00", Duration.ofMillis(40)));

        assertThat(estimate.known()).isTrue();
        assertThat(estimate.bytesNotReceived()).isEqualTo(96L);
        assertThat(estimate.replayLag()).isEqualTo(Duration.ofMillis(40));
        assertThat(estimate.summary()).contains("'pg-1'", "'pg-2'", "at least 96 bytes", "replay lag 40 ms");
    }

    @Test
    void countsAcrossTheHighHalfOfTheLsn() {
        DataLossEstimate estimate = DataLossEstimate.between(primaryAt("1/10"), standby("0/FFFFFFF0", null, null));

        assertThat(estimate.bytesNotReceived()).isEqualTo(0x20L);
    }

    @Test
    void usesTheReplayedPositionWhenTheStandbyNeverStreamed() {
        DataLossEstimate estimate = DataLossEstimate.between(primaryAt("0/3000060"),
                standby(null, "0/3000050", null));

        assertThat(estimate.bytesNotReceived()).isEqualTo(16L);
    }

    @Test
    void isZeroWhenTheStandbyWasSeenPastThePrimarysLastKnownPosition() {
        DataLossEstimate estimate = DataLossEstimate.between(primaryAt("0/3000000"),
                standby("0/3000100", null, null));

        assertThat(estimate.bytesNotReceived()).isZero();
    }

    @Test
    void isUnknownWhenThePrimarysPositionWasNeverSeen() {
        PgMemberState neverSeen = PgMemberState.unreachable("pg-1", SEEN, "Connection refused");

        DataLossEstimate estimate = DataLossEstimate.between(neverSeen,
                standby("0/3000000", null, Duration.ZERO));

        assertThat(estimate.known()).isFalse();
        assertThat(estimate.bytesNotReceived()).isNull();
        assertThat(estimate.replayLag()).isEqualTo(Duration.ZERO);
        assertThat(estimate.summary()).contains("unknown", "primary 'pg-1' was never seen");
    }

    @Test
    void isUnknownWhenTheStandbysPositionWasNeverSeen() {
        DataLossEstimate estimate = DataLossEstimate.between(primaryAt("0/3000000"),
                PgMemberState.unreachable("pg-2", SEEN, "timeout"));

        assertThat(estimate.known()).isFalse();
        assertThat(estimate.reason()).contains("standby 'pg-2' was never seen");
        assertThat(estimate.summary()).contains("replay lag unknown");
    }

    private static PgMemberState primaryAt(String lsn) {
        return new PgMemberState("pg-1", SEEN, true, null, false, 1L, Lsn.parse(lsn), null, null, false, null);
    }

    private static PgMemberState standby(String received, String replayed, Duration lag) {
        return new PgMemberState("pg-2", SEEN.plusSeconds(1), true, null, true, 1L, null, Lsn.parseOrNull(received),
                Lsn.parseOrNull(replayed), false, lag);
    }
}
