package io.lifeboat.catalog.domain.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

class RestoreEstimatesTest {

    @Test
    void defaultEstimatesDelayOnlyTheArchiveClasses() {
        RestoreEstimates defaults = RestoreEstimates.defaults();

        assertThat(defaults.retrievalDelay("GLACIER")).isEqualTo(Duration.ofHours(5));
        assertThat(defaults.retrievalDelay("deep_archive")).isEqualTo(Duration.ofHours(12));
        assertThat(defaults.retrievalDelay("GLACIER_IR")).isZero();
        assertThat(defaults.retrievalDelay(null)).isZero();
        assertThat(defaults.defaultRestoreBytesPerSecond()).isEqualTo(100.0 * 1024 * 1024);
        assertThat(defaults.logReplayRatio()).isEqualTo(0.05);
    }

    @Test
    void rejectsARateThatIsNotPositive() {
        assertThatThrownBy(() -> new RestoreEstimates(Map.of(), 0, 0.05))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("defaultRestoreBytesPerSecond must be positive, got 0.0");
    }

    @Test
    void picksTheColderClassAndTheWrittenOneOnATie() {
        assertThat(StorageClasses.colder("STANDARD_IA", "GLACIER")).isEqualTo("GLACIER");
        assertThat(StorageClasses.colder("DEEP_ARCHIVE", "GLACIER")).isEqualTo("DEEP_ARCHIVE");
        assertThat(StorageClasses.colder("REDUCED_REDUNDANCY", "STANDARD")).isEqualTo("REDUCED_REDUNDANCY");
        assertThat(StorageClasses.colder(null, "onezone_ia")).isEqualTo("ONEZONE_IA");
        assertThat(StorageClasses.colder(null, null)).isEqualTo("STANDARD");
    }
}
