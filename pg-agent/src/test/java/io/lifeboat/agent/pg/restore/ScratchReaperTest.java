package io.lifeboat.agent.pg.restore;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.lifeboat.agent.pg.restore.ScratchReaper.Outcome;

class ScratchReaperTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

    @TempDir
    Path root;

    private final List<Path> stopped = new ArrayList<>();

    @Test
    void aDueEntryStopsTheServerRemovesTheDirectorySpoolAndLogAndDeletesTheEntry() throws Exception {
        Path dataDir = restoredDir("drill-1", "cmd-1");
        Files.createDirectories(ScratchDiscard.spoolDir(dataDir).resolve("ready"));
        Files.writeString(ScratchDiscard.logFile(dataDir), "database system is ready", StandardCharsets.UTF_8);
        discards().record(discard(dataDir, "cmd-1", NOW.minusSeconds(1)));

        List<ScratchReaper.Result> results = reaper().reap(NOW);

        assertThat(results).extracting(ScratchReaper.Result::outcome).containsExactly(Outcome.DISCARDED);
        assertThat(stopped).containsExactly(dataDir);
        assertThat(dataDir).doesNotExist();
        assertThat(ScratchDiscard.spoolDir(dataDir)).doesNotExist();
        assertThat(ScratchDiscard.logFile(dataDir)).doesNotExist();
        assertThat(discards().files()).isEmpty();
    }

    @Test
    void anEntryDueExactlyNowIsDiscarded() throws Exception {
        Path dataDir = restoredDir("drill-now", "cmd-1");
        discards().record(discard(dataDir, "cmd-1", NOW));

        assertThat(reaper().reap(NOW)).extracting(ScratchReaper.Result::outcome).containsExactly(Outcome.DISCARDED);
        assertThat(dataDir).doesNotExist();
    }

    @Test
    void keepsADirectoryWithoutTheRestoreMarkerAndItsEntryWithoutStoppingAnything() throws Exception {
        Path precious = Files.createDirectories(root.resolve("precious"));
        Files.writeString(precious.resolve("PG_VERSION"), "15\n", StandardCharsets.UTF_8);
        discards().record(discard(precious, "cmd-1", NOW.minusSeconds(60)));

        List<ScratchReaper.Result> results = reaper().reap(NOW);

        assertThat(results).extracting(ScratchReaper.Result::outcome).containsExactly(Outcome.REFUSED);
        assertThat(results.get(0).detail()).contains("no restore marker " + RestoreMarker.FILE);
        assertThat(precious.resolve("PG_VERSION")).exists();
        assertThat(stopped).isEmpty();
        assertThat(discards().find(precious)).isPresent();
    }

    @Test
    void keepsADirectoryWhoseMarkerNamesAnotherCommand() throws Exception {
        Path other = restoredDir("other", "cmd-other");
        discards().record(discard(other, "cmd-1", NOW.minusSeconds(60)));

        List<ScratchReaper.Result> results = reaper().reap(NOW);

        assertThat(results).extracting(ScratchReaper.Result::outcome).containsExactly(Outcome.REFUSED);
        assertThat(results.get(0).detail()).contains("names command 'cmd-other'");
        assertThat(other.resolve(RestoreMarker.FILE)).exists();
        assertThat(stopped).isEmpty();
    }

    @Test
    void keepsAnEntryThatIsNotDueYetAndItsServer() throws Exception {
        Path dataDir = restoredDir("drill-later", "cmd-1");
        discards().record(discard(dataDir, "cmd-1", NOW.plus(Duration.ofMinutes(5))));

        assertThat(reaper().reap(NOW)).extracting(ScratchReaper.Result::outcome).containsExactly(Outcome.WAITING);
        assertThat(dataDir.resolve(RestoreMarker.FILE)).exists();
        assertThat(stopped).isEmpty();
        assertThat(discards().files()).hasSize(1);
    }

    @Test
    void deletesTheEntryOfADirectoryThatIsAlreadyGone() throws Exception {
        Path gone = root.resolve("gone");
        discards().record(discard(gone, "cmd-1", NOW.minusSeconds(1)));

        assertThat(reaper().reap(NOW)).extracting(ScratchReaper.Result::outcome)
                .containsExactly(Outcome.ALREADY_GONE);
        assertThat(discards().files()).isEmpty();
        assertThat(stopped).isEmpty();
    }

    @Test
    void keepsTheDirectoryAndEntryWhenTheServerDoesNotStopAndDiscardsThemAtTheNextCheck() throws Exception {
        Path dataDir = restoredDir("stubborn", "cmd-1");
        discards().record(discard(dataDir, "cmd-1", NOW.minusSeconds(1)));
        ScratchReaper failing = new ScratchReaper(discards(), discard -> {
            throw new IOException("the server on " + discard.dataDir() + " keeps running");
        });

        List<ScratchReaper.Result> first = failing.reap(NOW);

        assertThat(first).extracting(ScratchReaper.Result::outcome).containsExactly(Outcome.FAILED);
        assertThat(first.get(0).detail()).contains(dataDir.toString(), "keeps running");
        assertThat(dataDir.resolve(RestoreMarker.FILE)).exists();
        assertThat(reaper().reap(NOW.plusSeconds(30))).extracting(ScratchReaper.Result::outcome)
                .containsExactly(Outcome.DISCARDED);
        assertThat(dataDir).doesNotExist();
    }

    @Test
    void anUnreadableEntryIsKeptAndDoesNotStopTheOthers() throws Exception {
        Path dataDir = restoredDir("drill-2", "cmd-2");
        discards().record(discard(dataDir, "cmd-2", NOW.minusSeconds(1)));
        Path broken = discards().fileOf(root.resolve("broken"));
        Files.writeString(broken, "dataDir=relative/dir\ndiscardAt=yesterday\n", StandardCharsets.UTF_8);

        List<ScratchReaper.Result> results = reaper().reap(NOW);

        assertThat(results).extracting(ScratchReaper.Result::outcome)
                .containsExactlyInAnyOrder(Outcome.FAILED, Outcome.DISCARDED);
        assertThat(broken).exists();
        assertThat(dataDir).doesNotExist();
    }

    @Test
    void oneDirectoryHasOneEntryAndRecordingAgainReplacesIt() throws Exception {
        Path dataDir = root.resolve("drill-3");
        discards().record(discard(dataDir, "cmd-1", NOW));
        discards().record(discard(dataDir, "cmd-2", NOW.plusSeconds(60)));

        assertThat(discards().files()).hasSize(1);
        assertThat(discards().find(dataDir)).contains(discard(dataDir, "cmd-2", NOW.plusSeconds(60)));
        discards().cancel(dataDir);
        assertThat(discards().find(dataDir)).isEmpty();
    }

    private Path restoredDir(String name, String commandId) throws IOException {
        Path dataDir = Files.createDirectories(root.resolve(name));
        Files.writeString(dataDir.resolve("PG_VERSION"), "15\n", StandardCharsets.UTF_8);
        Files.createDirectories(dataDir.resolve("base/1"));
        Files.writeString(dataDir.resolve("base/1/1259"), "heap", StandardCharsets.UTF_8);
        Files.writeString(dataDir.resolve(RestoreMarker.FILE), "commandId=" + commandId + "\nattempt=1\n",
                StandardCharsets.UTF_8);
        return dataDir;
    }

    private ScratchDiscard discard(Path dataDir, String commandId, Instant at) {
        return new ScratchDiscard(dataDir, at, Optional.of("postgres"), Path.of("/usr/lib/postgresql/15/bin/pg_ctl"),
                commandId);
    }

    private ScratchDiscards discards() {
        return new ScratchDiscards(root.resolve("scratch"));
    }

    private ScratchReaper reaper() {
        return new ScratchReaper(discards(), discard -> stopped.add(discard.dataDir()));
    }
}
