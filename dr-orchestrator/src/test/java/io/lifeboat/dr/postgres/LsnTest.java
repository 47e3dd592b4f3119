package io.lifeboat.dr.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LsnTest {

    @Test
    void parsesTheHighAndLowHalvesAsHex() {
        assertThat(Lsn.parse("0/3000060").value()).isEqualTo(0x3000060L);
        assertThat(Lsn.parse("16/B374D848").value()).isEqualTo(0x16_B374D848L);
    }

    @Test
    void printsAsPostgresqlDoes() {
        assertThat(Lsn.parse("16/b374d848")).hasToString("16/B374D848");
        assertThat(new Lsn(0x3000060L)).hasToString("0/3000060");
    }

    @Test
    void differenceIsPgWalLsnDiff() {
        assertThat(Lsn.parse("0/3000060").bytesSince(Lsn.parse("0/3000000"))).isEqualTo(96);
        assertThat(Lsn.parse("0/3000000").bytesSince(Lsn.parse("0/3000060"))).isEqualTo(-96);
    }

    @Test
    void ordersAsUnsignedPositions() {
        assertThat(Lsn.parse("FFFFFFFF/0")).isGreaterThan(Lsn.parse("1/0"));
    }

    @Test
    void rejectsTextThatIsNotAnLsnNamingIt() {
        assertThatThrownBy(() -> Lsn.parse("3000060")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'3000060'");
        assertThatThrownBy(() -> Lsn.parse("0/xyz")).hasMessageContaining("'0/xyz'");
        assertThatThrownBy(() -> Lsn.parse("0/123456789")).hasMessageContaining("'0/123456789'");
    }

    @Test
    void nullTextIsAnUnknownPosition() {
        assertThat(Lsn.parseOrNull(null)).isNull();
    }
}
