package io.lifeboat.cli.story;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

class DemoStoryTest {

    @Test
    void summaryShowsEveryChapterWithItsVerdictTimeAndWhatHappened() {
        String table = DemoStory.summary(List.of(
                new ChapterResult("backups of all four engines", true, Duration.ofSeconds(7), "demo-pg FULL 2.7 MiB"),
                new ChapterResult("recovery drill", false, Duration.ofSeconds(65), "the drill failed: rto_exceeded")));

        assertThat(table.lines()).hasSize(3);
        assertThat(table.lines().toList().get(0)).contains("CHAPTER", "RESULT", "TOOK", "WHAT HAPPENED");
        assertThat(table.lines().toList().get(1)).contains("backups of all four engines", "PASSED", "7s",
                "demo-pg FULL 2.7 MiB");
        assertThat(table.lines().toList().get(2)).contains("recovery drill", "FAILED", "1m05s",
                "the drill failed: rto_exceeded");
    }

    @Test
    void readsPostgresLogSequenceNumbersAsNumbers() {
        assertThat(PointInTimeChapter.lsn("0/5A01B28")).isEqualTo(0x5A01B28L);
        assertThat(PointInTimeChapter.lsn("1/0")).isEqualTo(1L << 32);
        assertThat(PointInTimeChapter.lsn("16/B374D848")).isGreaterThan(PointInTimeChapter.lsn("16/B374D847"));
    }

    @Test
    void formatsDurationsInSecondsWithOneDecimal() {
        assertThat(FailoverChapter.seconds(Duration.ofMillis(3_849))).isEqualTo("3.8 s");
        assertThat(FailoverChapter.seconds(Duration.ZERO)).isEqualTo("0.0 s");
    }
}
