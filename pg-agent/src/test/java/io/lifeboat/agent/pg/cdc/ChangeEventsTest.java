package io.lifeboat.agent.pg.cdc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class ChangeEventsTest {

    @Test
    void readsLsnTransactionAndMicrosecondCommitTimeFromTheSourceBlock() {
        String value = """
                {"before":null,"after":{"id":1},"source":{"connector":"postgresql","ts_ms":1795302806256,
                "ts_us":1795302806256355,"ts_ns":1795302806256355000,"txId":733,"lsn":28732432},"op":"c"}""";

        assertThat(ChangeEvents.commitPoint(value)).contains(new CommitPoint(28732432,
                Instant.ofEpochSecond(1795302806L, 256355000L), 733));
    }

    @Test
    void fallsBackToMillisecondsWithoutTsUs() {
        String value = "{\"source\":{\"ts_ms\":1795302806256,\"txId\":7,\"lsn\":42},\"op\":\"u\"}";

        assertThat(ChangeEvents.commitPoint(value)).map(CommitPoint::commitTime)
                .contains(Instant.ofEpochMilli(1795302806256L));
    }

    @Test
    void hasNoCommitPointForHeartbeatsAndTombstones() {
        assertThat(ChangeEvents.commitPoint("{\"ts_ms\":1795302806256}")).isEmpty();
        assertThat(ChangeEvents.commitPoint(null)).isEmpty();
        assertThat(ChangeEvents.heartbeat("__debezium-heartbeat.lifeboat.orders")).isTrue();
        assertThat(ChangeEvents.heartbeat("lifeboat.orders.public.items")).isFalse();
    }
}
