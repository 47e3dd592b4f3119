package io.lifeboat.agent.pg.wal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class TimelineHistoryTest {

    private static final String THREE = "1\t0/3000148\tno recovery target specified\n\n"
            + "2\t0/5A000D8\tno recovery target specified\n";

    @Test
    void readsWhereEachAncestorEndedAndWhichTimelineFollowed() {
        TimelineHistory history = TimelineHistory.parse(3, THREE.getBytes(StandardCharsets.US_ASCII));
        assertThat(history.switchPoint(1)).hasValue(0x3000148L);
        assertThat(history.switchPoint(2)).hasValue(0x5A000D8L);
        assertThat(history.switchPoint(3)).isEmpty();
        assertThat(history.childOf(1)).isEqualTo(2);
        assertThat(history.childOf(2)).isEqualTo(3);
        assertThat(history.start()).hasValue(0x5A000D8L);
        assertThat(history.prefixFor(2)).isEqualTo("1\t0/3000148\tno recovery target specified\n");
    }
}
