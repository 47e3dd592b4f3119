package io.lifeboat.agent.pg.cdc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.lifeboat.events.Engine;
import io.lifeboat.events.archive.ArchiveProgressed;
import io.lifeboat.events.backup.StorageLocation;

class SourceCommitsTest {

    private static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");

    private final SourceCommits commits = new SourceCommits();

    @Test
    void mapsAnLsnToTheNewestChangeAtOrBelowItWhateverTheOrderOfArrival() {
        commits.record("orders", point(300, 3));
        commits.record("orders", point(100, 1));
        commits.record("orders", point(200, 2));

        assertThat(commits.newest("orders")).contains(point(300, 3));
        assertThat(commits.atOrBelow("orders", 250)).contains(point(200, 2));
        assertThat(commits.atOrBelow("orders", 200)).contains(point(200, 2));
        assertThat(commits.atOrBelow("orders", 99)).isEmpty();
        assertThat(commits.since("orders", T0.plusSeconds(2))).containsExactly(point(200, 2), point(300, 3));
        assertThat(commits.newest("other")).isEmpty();
        assertThat(commits.since("other", T0)).isEmpty();
    }

    @Test
    void refinesTheHeadCommitTimeOnlyWithAChangeAtOrBelowTheHeadAndLeavesTheArchivedTimeAlone() {
        ArchiveProgressed report = new ArchiveProgressed("orders", Engine.POSTGRES, "0/64", T0, "0/12C",
                T0.plusSeconds(1), 1L, "000000010000000000000001.partial", new StorageLocation("root", "orders/wal/"),
                T0.plusSeconds(5));
        assertThat(commits.refineHead(report)).isSameAs(report);

        commits.record("orders", point(250, 3)); // 0/FA: at or below the head 0/12C, later than the reading
        commits.record("orders", point(400, 4)); // past the head: not what the head reading saw
        ArchiveProgressed refined = commits.refineHead(report);

        assertThat(refined.headCommitTime()).isEqualTo(T0.plusSeconds(3));
        assertThat(refined.archivedCommitTime()).isEqualTo(T0);
        assertThat(refined.archivedPosition()).isEqualTo(report.archivedPosition());
    }

    @Test
    void keepsTheFirstPointOfAnLsnWhenABatchIsSentAgain() {
        commits.record("orders", point(100, 1));
        commits.record("orders", new CommitPoint(100, T0.plusSeconds(9), 9));

        assertThat(commits.newest("orders")).contains(point(100, 1));
    }

    @Test
    void forgetsPointsBeyondTheCountAndAgeLimits() {
        for (int i = 1; i <= SourceCommits.MAX_POINTS + 5; i++) {
            commits.record("orders", new CommitPoint(i, T0, i));
        }
        assertThat(commits.atOrBelow("orders", 5)).isEmpty();
        assertThat(commits.atOrBelow("orders", 6)).map(CommitPoint::lsn).contains(6L);

        commits.record("orders", new CommitPoint(1_000_000, T0.plus(SourceCommits.MAX_AGE).plusSeconds(1), 7));
        assertThat(commits.since("orders", Instant.EPOCH)).hasSize(1);
    }

    private static CommitPoint point(long lsn, int second) {
        return new CommitPoint(lsn, T0.plusSeconds(second), second);
    }
}
