package io.lifeboat.agentkit.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ArtifactLayoutTest {

    private final ArtifactLayout layout = new ArtifactLayout();

    @Test
    void buildsBackupKeysUnderTargetAndBackupId() {
        assertThat(layout.manifest("orders", "2026-11-21T0200Z")).isEqualTo("orders/2026-11-21T0200Z/manifest.json");
        assertThat(layout.part("orders", "2026-11-21T0200Z", 1))
                .isEqualTo("orders/2026-11-21T0200Z/data/part-000001");
        assertThat(layout.part("orders", "b1", 999_999)).isEqualTo("orders/b1/data/part-999999");
        assertThat(layout.backupPrefix("orders", "b1")).isEqualTo("orders/b1/");
    }

    @Test
    void partKeysSortInPartOrder() {
        assertThat(layout.part("orders", "b1", 9)).isLessThan(layout.part("orders", "b1", 10));
        assertThat(layout.part("orders", "b1", 99)).isLessThan(layout.part("orders", "b1", 100));
    }

    @Test
    void buildsWalAndOplogKeysUnderTheTarget() {
        assertThat(layout.walSegment("orders", "00000002", "000000020000000A000000FE"))
                .isEqualTo("orders/wal/00000002/000000020000000A000000FE");
        assertThat(layout.walPrefix("orders", "00000002")).isEqualTo("orders/wal/00000002/");
        assertThat(layout.oplogSlice("sessions", "1732150800-1732154400"))
                .isEqualTo("sessions/oplog/1732150800-1732154400");
        assertThat(layout.oplogPrefix("sessions")).isEqualTo("sessions/oplog/");
    }

    @Test
    void putsEveryKeyBelowThePrefixWhenOneIsGiven() {
        ArtifactLayout prefixed = new ArtifactLayout(Optional.of("/prod/eu-1/"));

        assertThat(prefixed.prefix()).isEqualTo("prod/eu-1/");
        assertThat(prefixed.manifest("orders", "b1")).isEqualTo("prod/eu-1/orders/b1/manifest.json");
        assertThat(prefixed.part("orders", "b1", 2)).isEqualTo("prod/eu-1/orders/b1/data/part-000002");
        assertThat(prefixed.walSegment("orders", "1", "seg")).isEqualTo("prod/eu-1/orders/wal/1/seg");
        assertThat(prefixed.oplogSlice("orders", "s")).isEqualTo("prod/eu-1/orders/oplog/s");
        assertThat(new ArtifactLayout(Optional.of("  ")).manifest("t", "b")).isEqualTo("t/b/manifest.json");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "a/b", "a\\b", "..", "a..b", ".hidden", "tab\there", "nul\0", "line\nbreak"})
    void rejectsTargetIdsThatCouldLeaveTheirPlace(String bad) {
        assertThatThrownBy(() -> layout.manifest(bad, "b1")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("target id '");
    }

    @Test
    void namesTheBadIdAndTheReason() {
        assertThatThrownBy(() -> layout.manifest("orders", "../../etc"))
                .hasMessage("backup id '../../etc' contains a path separator");
        assertThatThrownBy(() -> layout.part("orders", "b..1", 1)).hasMessage("backup id 'b..1' contains '..'");
        assertThatThrownBy(() -> layout.walSegment("orders", "1", "seg\u0007"))
                .hasMessage("WAL segment name 'seg?' contains a control character");
        assertThatThrownBy(() -> layout.oplogSlice("orders", " ")).hasMessage("oplog slice name ' ' is blank");
        assertThatThrownBy(() -> layout.walPrefix("orders", null)).hasMessage("WAL timeline 'null' is blank");
    }

    @Test
    void rejectsIdsLongerThan200Characters() {
        String longest = "t".repeat(200);

        assertThat(layout.manifest(longest, "b1")).startsWith(longest + "/");
        assertThatThrownBy(() -> layout.manifest(longest + "t", "b1"))
                .hasMessage("target id '" + longest + "t' is longer than 200 characters");
    }

    @Test
    void rejectsBackupIdsThatWouldLandInTheWalOrOplogFolder() {
        assertThatThrownBy(() -> layout.manifest("orders", "wal"))
                .hasMessage("backup id 'wal' is reserved for the target's wal folder");
        assertThatThrownBy(() -> layout.part("orders", "oplog", 1))
                .hasMessage("backup id 'oplog' is reserved for the target's oplog folder");
    }

    @Test
    void rejectsPartNumbersOutsideSixDigits() {
        assertThatThrownBy(() -> layout.part("orders", "b1", 0))
                .hasMessage("part number 0 of backup 'b1' is outside 1..999999");
        assertThatThrownBy(() -> layout.part("orders", "b1", 1_000_000)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsPrefixSegmentsThatCouldEscape() {
        assertThatThrownBy(() -> new ArtifactLayout(Optional.of("prod/../other")))
                .hasMessage("prefix segment of 'prod/../other' '..' contains '..'");
        assertThatThrownBy(() -> new ArtifactLayout(Optional.of("prod//eu")))
                .hasMessage("prefix segment of 'prod//eu' '' is blank");
    }
}
