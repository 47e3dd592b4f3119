package io.lifeboat.agent.fs.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.lifeboat.agent.fs.engine.FsRepositories;
import io.lifeboat.agent.fs.repo.ChunkId;
import io.lifeboat.agent.fs.repo.Repository;
import io.lifeboat.agent.fs.testing.TreeState;
import io.lifeboat.agent.fs.tree.Node;
import io.lifeboat.agent.fs.tree.SnapshotTreeReader;
import io.lifeboat.agentkit.pipeline.ArtifactPipeline;
import io.lifeboat.agentkit.pipeline.ArtifactSink;
import io.lifeboat.agentkit.pipeline.ArtifactSpec;
import io.lifeboat.agentkit.pipeline.Manifest;
import io.lifeboat.agentkit.storage.WriteOptions;
import io.lifeboat.events.Engine;
import io.lifeboat.events.backup.BackupCompleted;
import io.lifeboat.events.backup.BackupFailed;
import io.lifeboat.events.backup.BackupType;
import io.lifeboat.events.backup.BackupVerified;
import io.lifeboat.events.backup.BackupsExpired;
import io.lifeboat.events.backup.RestoreCompleted;
import io.lifeboat.events.backup.RestoreFailed;
import io.lifeboat.events.backup.VerificationFailed;
import io.lifeboat.testkit.quarkus.KafkaResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Snapshots of real directory trees through the agent: restores are byte-identical with modes, mtimes, symlinks and
 * hard links; a second snapshot stores only a changed file's changed chunks; verification finds a flipped byte in a
 * pack and names the file; expiry reclaims exactly the chunks no remaining snapshot references; a crafted tree that
 * would write outside the restore directory is refused.
 */
@QuarkusTest
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(FsAgentTestResource.class)
class FsSnapshotIT {

    private static final List<String> EXCLUDED = List.of("notes.tmp", "logs/app.log", "cache/junk", "sub/cache/junk");

    @Inject
    ArtifactPipeline pipeline;

    @Inject
    FsRepositories repositories;

    @Test
    void aRestoreIsByteIdenticalWithModesMtimesSymlinksAndHardLinksAndLeavesOutTheExcluded() throws Exception {
        Path source = FsAgentTestResource.source(FsAgentTestResource.DOCS);
        fill(source);

        BackupCompleted completed = (BackupCompleted) FsKafka.backup(FsAgentTestResource.DOCS, BackupType.FULL);
        Path restored = FsAgentTestResource.work.resolve("restored-docs");
        Object outcome = FsKafka.restore(FsAgentTestResource.DOCS, completed.backupId(), restored.toString(), false);

        assertThat(outcome).isInstanceOf(RestoreCompleted.class);
        assertThat(((RestoreCompleted) outcome).restoredCounts()).containsEntry("symlinks", 2L).containsEntry(
                "hardLinks", 1L);
        Map<String, String> expected = TreeState.of(source, EXCLUDED::contains);
        assertThat(TreeState.of(restored, path -> false)).isEqualTo(expected);
        assertThat(expected).containsKeys("sub/big.bin", "link-to-a", "dangling", "sub/hard");
        Manifest manifest = pipeline.manifest(FsAgentTestResource.DOCS, completed.backupId()).orElseThrow();
        assertThat(manifest.engineMetadata()).containsEntry("partiallyFailed", false).containsKeys("chunksNew",
                "dedupRatio");
        assertThat(completed.partiallyFailed()).isFalse();
        // The duplicate file's chunks were stored once.
        assertThat(((Number) manifest.engineMetadata().get("chunksReused")).longValue()).isPositive();

        // Every chunk, written by several reader threads at once, decrypts and hashes to its id.
        assertThat(FsKafka.verify(FsAgentTestResource.DOCS, completed.backupId())).isInstanceOf(BackupVerified.class);

        Object again = FsKafka.restore(FsAgentTestResource.DOCS, completed.backupId(), restored.toString(), false);
        assertThat(again).isInstanceOf(RestoreFailed.class);
        assertThat(((RestoreFailed) again).reason()).contains("not empty");
    }

    @Test
    void aSecondSnapshotReadsOnlyTheChangedFileAndStoresOnlyItsChangedChunks() throws Exception {
        Path source = FsAgentTestResource.source(FsAgentTestResource.CHANGING);
        Files.createDirectories(source);
        Files.write(source.resolve("big.bin"), random(1, 1 << 20));
        for (int i = 0; i < 20; i++) {
            Files.writeString(source.resolve("small-" + i + ".txt"), "small file " + i + "\n".repeat(i));
        }
        BackupCompleted first = (BackupCompleted) FsKafka.backup(FsAgentTestResource.CHANGING,
                BackupType.INCREMENTAL);
        try (RandomAccessFile file = new RandomAccessFile(source.resolve("big.bin").toFile(), "rw")) {
            file.seek(500_000);
            file.write(random(2, 100));
        }
        Files.setLastModifiedTime(source.resolve("big.bin"), FileTime.from(Instant.now().plusSeconds(5)));

        BackupCompleted second = (BackupCompleted) FsKafka.backup(FsAgentTestResource.CHANGING,
                BackupType.INCREMENTAL);

        Map<String, Object> meta = pipeline.manifest(FsAgentTestResource.CHANGING, second.backupId()).orElseThrow()
                .engineMetadata();
        assertThat(meta).containsEntry("parentSnapshot", first.backupId()).containsEntry("filesRead", 1)
                .containsEntry("filesUnchanged", 20);
        assertThat(((Number) meta.get("chunksNew")).intValue()).isBetween(1, 2);
        assertThat(((Number) meta.get("bytesNew")).longValue()).isLessThanOrEqualTo(2 * 65536);
        Set<String> before = new HashSet<>(chunks(FsAgentTestResource.CHANGING, first.backupId()));
        Set<String> after = new HashSet<>(chunks(FsAgentTestResource.CHANGING, second.backupId()));
        after.removeAll(before);
        assertThat(after).hasSize(((Number) meta.get("chunksNew")).intValue());
    }

    @Test
    void verificationFindsAFlippedByteInAPackAndNamesTheFile() throws Exception {
        Path source = FsAgentTestResource.source(FsAgentTestResource.DAMAGED);
        Files.createDirectories(source.resolve("records"));
        Files.write(source.resolve("records/ledger.bin"), random(3, 200_000));
        BackupCompleted completed = (BackupCompleted) FsKafka.backup(FsAgentTestResource.DAMAGED, BackupType.FULL);
        assertThat(FsKafka.verify(FsAgentTestResource.DAMAGED, completed.backupId())).isInstanceOf(
                BackupVerified.class);
        Path pack;
        try (Stream<Path> files = Files.walk(FsAgentTestResource.storeRoot.resolve(FsAgentTestResource.DAMAGED)
                .resolve("fs/packs"))) {
            pack = files.filter(Files::isRegularFile).findFirst().orElseThrow();
        }
        try (RandomAccessFile file = new RandomAccessFile(pack.toFile(), "rw")) {
            file.seek(100);
            int b = file.read();
            file.seek(100);
            file.write(b ^ 0x01);
        }

        Object outcome = FsKafka.verify(FsAgentTestResource.DAMAGED, completed.backupId());

        assertThat(outcome).isInstanceOf(VerificationFailed.class);
        VerificationFailed failed = (VerificationFailed) outcome;
        assertThat(failed.failedStep()).isEqualTo("read-data");
        assertThat(failed.reason()).contains("file 'records/ledger.bin'").contains("bad");
    }

    @Test
    void expiryReclaimsExactlyTheChunksNoRemainingSnapshotReferences() throws Exception {
        Path source = FsAgentTestResource.source(FsAgentTestResource.EXPIRING);
        Files.createDirectories(source);
        Files.write(source.resolve("kept.bin"), random(4, 150_000));
        Files.write(source.resolve("dropped.bin"), random(5, 150_000));
        BackupCompleted old = (BackupCompleted) FsKafka.backup(FsAgentTestResource.EXPIRING, BackupType.FULL);
        Files.delete(source.resolve("dropped.bin"));
        Files.write(source.resolve("added.bin"), random(6, 150_000));
        BackupCompleted kept = (BackupCompleted) FsKafka.backup(FsAgentTestResource.EXPIRING, BackupType.FULL);
        Set<String> keptChunks = new HashSet<>(chunks(FsAgentTestResource.EXPIRING, kept.backupId()));
        Set<String> onlyOld = new HashSet<>(chunks(FsAgentTestResource.EXPIRING, old.backupId()));
        onlyOld.removeAll(keptChunks);
        assertThat(onlyOld).isNotEmpty();

        Object outcome = FsKafka.expire(FsAgentTestResource.EXPIRING, List.of(old.backupId()));

        assertThat(outcome).isInstanceOf(BackupsExpired.class);
        assertThat(((BackupsExpired) outcome).freedBytes()).isGreaterThan(150_000);
        try (Repository repository = repositories.open(FsAgentTestResource.EXPIRING)) {
            assertThat(keptChunks).allSatisfy(c -> assertThat(repository.contains(ChunkId.parse(c))).isTrue());
            assertThat(onlyOld).allSatisfy(c -> assertThat(repository.contains(ChunkId.parse(c))).isFalse());
        }
        Path restored = FsAgentTestResource.work.resolve("restored-expiring");
        assertThat(FsKafka.restore(FsAgentTestResource.EXPIRING, kept.backupId(), restored.toString(), false))
                .isInstanceOf(RestoreCompleted.class);
        assertThat(TreeState.of(restored, p -> false)).isEqualTo(TreeState.of(source, p -> false));
    }

    @Test
    void aCraftedTreeWithAnEntryOutsideTheRestoreDirectoryIsRefusedNamingIt() throws Exception {
        String backupId = "bk-crafted0000000000000001";
        try (ArtifactSink sink = pipeline.create(new ArtifactSpec(FsAgentTestResource.CRAFTED, backupId,
                Engine.FILESYSTEM, BackupType.FULL, WriteOptions.HOT))) {
            OutputStream out = sink.stream();
            out.write(("{\"format\":\"lifeboat-fs-tree-1\",\"root\":\"/srv/x\",\"createdAt\":\"2026-11-22T00:00:00Z\","
                    + "\"host\":\"h\"}\n{\"path\":\"../../etc/cron.d/evil\",\"type\":\"file\",\"size\":0,\"mode\":"
                    + "\"0644\",\"uid\":0,\"gid\":0,\"mtime\":\"2026-11-22T00:00:00Z\",\"ino\":1,\"dev\":1,"
                    + "\"chunks\":[]}\n{\"entries\":1,\"files\":1,\"dirs\":0,\"bytes\":0,\"partial\":[]}\n")
                    .getBytes(StandardCharsets.UTF_8));
            sink.complete(Map.of());
        }
        Path restored = FsAgentTestResource.work.resolve("restored-crafted/inner");

        Object outcome = FsKafka.restore(FsAgentTestResource.CRAFTED, backupId, restored.toString(), false);

        assertThat(outcome).isInstanceOf(RestoreFailed.class);
        RestoreFailed failed = (RestoreFailed) outcome;
        assertThat(failed.failedStep()).isEqualTo("tree");
        assertThat(failed.reason()).contains("../../etc/cron.d/evil").contains(backupId);
        assertThat(FsAgentTestResource.work.resolve("etc")).doesNotExist();
    }

    @Test
    void aPathThatDoesNotExistFailsTheBackupNamingIt() throws Exception {
        Object outcome = FsKafka.backup(FsAgentTestResource.MISSING, BackupType.FULL);

        assertThat(outcome).isInstanceOf(BackupFailed.class);
        assertThat(((BackupFailed) outcome).reason()).contains("no-such-dir");
    }

    /** A tree with nested directories, a duplicate file, links, odd modes, exact mtimes and excluded entries. */
    private static void fill(Path source) throws Exception {
        Files.createDirectories(source.resolve("sub/deeper"));
        Files.createDirectories(source.resolve("logs"));
        Files.createDirectories(source.resolve("cache"));
        Files.createDirectories(source.resolve("sub/cache"));
        Files.writeString(source.resolve("a.txt"), "alpha\n");
        Files.write(source.resolve("empty"), new byte[0]);
        byte[] big = random(7, 300_000);
        Files.write(source.resolve("sub/big.bin"), big);
        Files.write(source.resolve("sub/deeper/copy-of-big.bin"), big);
        Files.writeString(source.resolve("sub/deeper/run.sh"), "#!/bin/sh\necho hi\n");
        Files.setPosixFilePermissions(source.resolve("sub/deeper/run.sh"), PosixFilePermissions.fromString(
                "rwxr-xr-x"));
        Files.writeString(source.resolve("secret"), "s3cr3t");
        Files.setPosixFilePermissions(source.resolve("secret"), PosixFilePermissions.fromString("rw-------"));
        Files.createSymbolicLink(source.resolve("link-to-a"), Path.of("a.txt"));
        Files.createSymbolicLink(source.resolve("dangling"), Path.of("/nonexistent/target"));
        Files.createLink(source.resolve("sub/hard"), source.resolve("a.txt"));
        Files.writeString(source.resolve("notes.tmp"), "scratch");
        Files.writeString(source.resolve("logs/app.log"), "log line");
        Files.writeString(source.resolve("cache/junk"), "cached");
        Files.writeString(source.resolve("sub/cache/junk"), "cached");
        Files.setLastModifiedTime(source.resolve("a.txt"), FileTime.from(Instant.parse(
                "2025-03-04T05:06:07.123456789Z")));
        Files.setLastModifiedTime(source.resolve("sub/deeper"), FileTime.from(Instant.parse(
                "2024-01-02T03:04:05.987654321Z")));
    }

    private List<String> chunks(String targetId, String backupId) throws Exception {
        List<String> chunks = new java.util.ArrayList<>();
        try (InputStream in = pipeline.openForRestore(targetId, backupId)) {
            SnapshotTreeReader reader = new SnapshotTreeReader(in);
            Optional<Node> next;
            while ((next = reader.next()).isPresent()) {
                chunks.addAll(next.get().chunks());
            }
        }
        return chunks;
    }

    private static byte[] random(long seed, int size) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }
}
