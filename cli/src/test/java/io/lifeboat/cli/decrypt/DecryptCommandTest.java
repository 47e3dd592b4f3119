package io.lifeboat.cli.decrypt;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.lifeboat.agentkit.crypto.LocalKeyFileMasterKey;
import io.lifeboat.agentkit.pipeline.ArtifactPipeline;
import io.lifeboat.agentkit.pipeline.ArtifactSink;
import io.lifeboat.agentkit.pipeline.ArtifactSpec;
import io.lifeboat.agentkit.pipeline.PipelineSettings;
import io.lifeboat.agentkit.storage.ArtifactLayout;
import io.lifeboat.agentkit.storage.LocalObjectStore;
import io.lifeboat.agentkit.storage.WriteOptions;
import io.lifeboat.events.Engine;
import io.lifeboat.events.backup.BackupType;

import picocli.CommandLine;

class DecryptCommandTest {

    private static final String TARGET = "orders-db";
    private static final String BACKUP = "bk-123";
    // 1 MiB parts (the smallest the pipeline allows), so that a few MiB of data make several parts.
    private static final PipelineSettings SETTINGS = PipelineSettings.defaults().withPartSize(1 << 20).withZstd(3, 1);

    @TempDir
    Path dir;

    private Path store;
    private Path key;
    private byte[] original;

    /** What one run of the command printed and returned. */
    private record Run(int exit, byte[] stdout, String out, String err) {
    }

    @BeforeEach
    void storeOneBackup() throws IOException {
        store = dir.resolve("store");
        key = dir.resolve("master.key");
        // Random bytes do not compress, so the stored stream spans four parts.
        original = new byte[3 * (1 << 20) + 12_345];
        new Random(42).nextBytes(original);
        write(BACKUP, BackupType.FULL, original);
    }

    @Test
    void writesTheOriginalBytesToStandardOutputWhenNoOutFileIsGiven() {
        Run run = run("--store", store.toString(), "--key", key.toString(), "--target", TARGET, "--backup", BACKUP);

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.stdout()).isEqualTo(original);
        assertThat(run.err()).isEmpty();
    }

    @Test
    void writesTheOriginalBytesToTheOutFileAndLeavesNoPartialFile() throws IOException {
        Path out = dir.resolve("base.tar");

        Run run = run("--store", store.toString(), "--key", key.toString(), "--target", TARGET, "--backup", BACKUP,
                "--out", out.toString());

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(Files.readAllBytes(out)).isEqualTo(original);
        assertThat(dir.resolve("base.tar.partial")).doesNotExist();
        assertThat(run.stdout()).isEmpty();
    }

    @Test
    void listsEveryBackupOfTheTargetWithTypeEngineSizeAndParts() throws IOException {
        write("bk-124", BackupType.LOGICAL, "a small dump".getBytes());

        Run run = run("--store", store.toString(), "--key", key.toString(), "--target", TARGET, "--list");

        assertThat(run.exit()).as(run.err()).isZero();
        List<String> lines = run.out().lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0).split("\\s+")).containsExactly("BACKUP", "TYPE", "ENGINE", "CREATED", "STORED",
                "PARTS");
        assertThat(lines.get(1).split("\\s+")).startsWith(BACKUP, "FULL", "POSTGRES").endsWith("MiB", "4");
        assertThat(lines.get(2).split("\\s+")).startsWith("bk-124", "LOGICAL", "POSTGRES").endsWith("B", "1");
    }

    @Test
    void listsTheBackupsAsJsonWithStoredBytesAndPartCount() throws IOException {
        Run run = run("--store", store.toString(), "--target", TARGET, "--list", "--json");

        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode rows = new ObjectMapper().readTree(run.out());
        assertThat(rows).hasSize(1);
        JsonNode row = rows.get(0);
        assertThat(row.get("backupId").asText()).isEqualTo(BACKUP);
        assertThat(row.get("type").asText()).isEqualTo("FULL");
        assertThat(row.get("engine").asText()).isEqualTo("POSTGRES");
        assertThat(row.get("parts").asInt()).isEqualTo(4);
        assertThat(row.get("storedBytes").asLong()).isGreaterThan(original.length);
        assertThat(row.get("created").asText()).endsWith("Z");
    }

    @Test
    void failsNamingTheBackupAndCreatesNoOutFileWhenTheKeyFileHoldsAnotherKey() throws IOException {
        Path otherKey = dir.resolve("other.key");
        LocalKeyFileMasterKey.openOrCreate(otherKey);
        Path out = dir.resolve("base.tar");

        Run run = run("--store", store.toString(), "--key", otherKey.toString(), "--target", TARGET, "--backup",
                BACKUP, "--out", out.toString());

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("backup '" + BACKUP + "' of target '" + TARGET + "'")
                .contains("master key").contains(otherKey.toString());
        assertThat(run.err().lines()).hasSize(1);
        assertThat(out).doesNotExist();
        assertThat(dir.resolve("base.tar.partial")).doesNotExist();
    }

    @Test
    void failsNamingTheTamperedPartAndLeavesNoOutFileWhenAPartWasChanged() throws IOException {
        Path part = store.resolve(new ArtifactLayout().part(TARGET, BACKUP, 2));
        byte[] bytes = Files.readAllBytes(part);
        bytes[bytes.length / 2] ^= 0x01;
        Files.write(part, bytes);
        Path out = dir.resolve("base.tar");

        Run run = run("--store", store.toString(), "--key", key.toString(), "--target", TARGET, "--backup", BACKUP,
                "--out", out.toString());

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("part-000002").contains("backup '" + BACKUP + "'").contains("checksum");
        assertThat(run.err().lines()).hasSize(1);
        assertThat(out).doesNotExist();
        assertThat(dir.resolve("base.tar.partial")).doesNotExist();
    }

    @Test
    void saysTheStandardOutputIsIncompleteWhenALaterPartWasChanged() throws IOException {
        Path part = store.resolve(new ArtifactLayout().part(TARGET, BACKUP, 4));
        byte[] bytes = Files.readAllBytes(part);
        bytes[0] ^= 0x01;
        Files.write(part, bytes);

        Run run = run("--store", store.toString(), "--key", key.toString(), "--target", TARGET, "--backup", BACKUP);

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("part-000004").contains("incomplete");
        assertThat(run.stdout().length).isLessThan(original.length);
    }

    @Test
    void failsNamingTheBackupWhenItHasNoManifest() {
        Run run = run("--store", store.toString(), "--key", key.toString(), "--target", TARGET, "--backup",
                "bk-999");

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("backup 'bk-999' of target '" + TARGET + "'").contains("no manifest");
    }

    @Test
    void refusesToReplaceAnExistingOutFileUnlessForced() throws IOException {
        Path out = dir.resolve("base.tar");
        Files.writeString(out, "keep me");

        Run refused = run("--store", store.toString(), "--key", key.toString(), "--target", TARGET, "--backup",
                BACKUP, "--out", out.toString());
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.err()).contains(out.toString()).contains("already exists");
        assertThat(Files.readString(out)).isEqualTo("keep me");

        Run forced = run("--store", store.toString(), "--key", key.toString(), "--target", TARGET, "--backup",
                BACKUP, "--out", out.toString(), "--force");
        assertThat(forced.exit()).as(forced.err()).isZero();
        assertThat(Files.readAllBytes(out)).isEqualTo(original);
    }

    @Test
    void failsWithoutCreatingAKeyFileWhenTheKeyFileIsMissing() {
        Path missing = dir.resolve("no-such.key");

        Run run = run("--store", store.toString(), "--key", missing.toString(), "--target", TARGET, "--backup",
                BACKUP);

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains(missing.toString()).contains("does not exist");
        assertThat(missing).doesNotExist();
    }

    @Test
    void failsWithoutCreatingAStoreWhenTheStoreDirectoryIsMissing() {
        Path missing = dir.resolve("no-such-store");

        Run run = run("--store", missing.toString(), "--target", TARGET, "--list");

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains(missing.toString()).contains("does not exist");
        assertThat(missing).doesNotExist();
    }

    @Test
    void answersWithAUsageErrorWhenBothABackupAndListAreGiven() {
        Run run = run("--store", store.toString(), "--key", key.toString(), "--target", TARGET, "--backup", BACKUP,
                "--list");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("either --backup ID or --list");
    }

    private void write(String backupId, BackupType type, byte[] data) throws IOException {
        try (LocalObjectStore objects = new LocalObjectStore(store)) {
            ArtifactPipeline pipeline = new ArtifactPipeline(objects, new ArtifactLayout(),
                    LocalKeyFileMasterKey.openOrCreate(key), SETTINGS);
            try (ArtifactSink sink = pipeline.create(
                    new ArtifactSpec(TARGET, backupId, Engine.POSTGRES, type, WriteOptions.HOT))) {
                OutputStream stream = sink.stream();
                stream.write(data);
                sink.complete(Map.of("format", "tar"));
            }
        }
    }

    private static Run run(String... args) {
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = new CommandLine(new DecryptCommand(stdout));
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exit = commandLine.execute(args);
        return new Run(exit, stdout.toByteArray(), out.toString(), err.toString());
    }
}
