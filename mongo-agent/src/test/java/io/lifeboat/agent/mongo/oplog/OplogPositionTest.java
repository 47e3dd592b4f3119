package io.lifeboat.agent.mongo.oplog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.bson.BsonTimestamp;
import org.junit.jupiter.api.Test;

class OplogPositionTest {

    @Test
    void printsAndParsesSecondsColonIncrement() {
        OplogPosition position = OplogPosition.parse("1763690400:1");

        assertThat(position).isEqualTo(new OplogPosition(1763690400L, 1));
        assertThat(position.toString()).isEqualTo("1763690400:1");
        assertThat(OplogPosition.of(position.toBsonTimestamp())).isEqualTo(position);
    }

    @Test
    void ordersBySecondsThenIncrement() {
        assertThat(OplogPosition.parse("1763690400:10")).isGreaterThan(OplogPosition.parse("1763690400:9"));
        assertThat(OplogPosition.parse("1763690401:1")).isGreaterThan(OplogPosition.parse("1763690400:99"));
        assertThat(OplogPosition.parse("1763690400:2").isAfter(OplogPosition.parse("1763690400:2"))).isFalse();
    }

    @Test
    void readsTimestampsPastTheSignedRangeAsUnsigned() {
        OplogPosition position = OplogPosition.of(new BsonTimestamp(0xF0000000, 0xF0000001));

        assertThat(position.seconds()).isEqualTo(0xF0000000L);
        assertThat(position.increment()).isEqualTo(0xF0000001L);
        assertThat(position.toBsonTimestamp()).isEqualTo(new BsonTimestamp(0xF0000000, 0xF0000001));
    }

    @Test
    void refusesTextThatIsNoPosition() {
        assertThatThrownBy(() -> OplogPosition.parse("1763690400")).hasMessageContaining("'1763690400'");
        assertThatThrownBy(() -> OplogPosition.parse("a:b")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sliceNamesSortInOplogOrderAndParseBack() {
        OplogSlice early = new OplogSlice(OplogPosition.parse("999999999:5"), OplogPosition.parse("1763690400:9"));
        OplogSlice late = new OplogSlice(OplogPosition.parse("1763690400:10"), OplogPosition.parse("1763690400:10"));

        assertThat(early.name()).isEqualTo("0999999999.0000000005-1763690400.0000000009");
        assertThat(early.name()).isLessThan(late.name());
        assertThat(OplogSlice.fromName(late.name())).contains(late);
        assertThat(OplogSlice.fromName("gap-" + late.name())).isEmpty();
    }

    @Test
    void aGapIsCrossedOnlyByAReplayThatSpansIt() {
        OplogGap gap = new OplogGap(OplogPosition.parse("100:1"), OplogPosition.parse("200:1"));

        assertThat(OplogGap.fromName(gap.name())).contains(gap);
        assertThat(gap.crossedBy(OplogPosition.parse("50:1"), OplogPosition.parse("150:1"))).isTrue();
        assertThat(gap.crossedBy(OplogPosition.parse("50:1"), OplogPosition.parse("100:1"))).isFalse();
        assertThat(gap.crossedBy(OplogPosition.parse("200:1"), OplogPosition.parse("300:1"))).isFalse();
    }
}
