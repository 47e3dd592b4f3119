package io.lifeboat.agentkit.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.lifeboat.agentkit.crypto.LocalKeyFileMasterKey;
import io.lifeboat.agentkit.crypto.WrongKeyException;
import io.lifeboat.agentkit.pipeline.VerificationReport.Kind;
import io.lifeboat.agentkit.storage.WriteOptions;

/** Damaged artifacts: each damage is found by both verify and restore, with its own error naming the part. */
abstract class CorruptionContract extends PipelineScenario {

    private Manifest writeFourParts(String backupId) throws IOException {
        Manifest manifest = write(backupId, TestData.noise(3_500_000, 11));
        assertThat(manifest.parts()).hasSize(4);
        return manifest;
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 3})
    void findsAFlippedByteInAnyPartByItsChecksum(int partIndex) throws IOException {
        Manifest manifest = writeFourParts("flipped");
        Manifest.Part part = manifest.parts().get(partIndex);
        byte[] bytes = readObject(part.key());
        bytes[bytes.length / 3] ^= 0x01;
        store.put(part.key(), bytes, WriteOptions.HOT);

        VerificationReport report = pipeline.verify(target, "flipped");
        assertThat(report.ok()).isFalse();
        assertThat(report.firstBadPart()).contains(part.key());
        assertThat(report.problems().get(0).kind()).isEqualTo(Kind.CHECKSUM_MISMATCH);
        assertThat(report.problems().get(0).message()).contains(part.key(), part.sha256(), "fails its checksum");

        assertThat(restoreFailure("flipped")).isInstanceOfSatisfying(CorruptArtifactException.class, e -> {
            assertThat(e.problem().kind()).isEqualTo(Kind.CHECKSUM_MISMATCH);
            assertThat(e.problem().partKey()).contains(part.key());
            assertThat(e).hasMessageContaining(part.sha256()).hasMessageContaining("backup 'flipped'");
        });
    }

    @Test
    void findsATruncatedPartBySize() throws IOException {
        Manifest manifest = writeFourParts("truncated");
        Manifest.Part part = manifest.parts().get(2);
        byte[] bytes = readObject(part.key());
        store.put(part.key(), Arrays.copyOf(bytes, bytes.length - 100), WriteOptions.HOT);

        VerificationReport report = pipeline.verify(target, "truncated");
        assertThat(report.firstBadPart()).contains(part.key());
        assertThat(report.problems().get(0).kind()).isEqualTo(Kind.SIZE_MISMATCH);
        assertThat(report.problems().get(0).message()).contains("has " + (bytes.length - 100) + " bytes",
                "(truncated)");

        assertThat(restoreFailure("truncated")).isInstanceOfSatisfying(CorruptArtifactException.class,
                e -> assertThat(e.problem().kind()).isEqualTo(Kind.SIZE_MISMATCH));
    }

    @Test
    void findsAMissingPart() throws IOException {
        Manifest manifest = writeFourParts("missing-part");
        Manifest.Part part = manifest.parts().get(1);
        store.delete(part.key());

        VerificationReport report = pipeline.verify(target, "missing-part");
        assertThat(report.firstBadPart()).contains(part.key());
        assertThat(report.problems()).extracting(VerificationReport.Problem::kind).containsExactly(Kind.MISSING_PART);

        assertThat(restoreFailure("missing-part")).isInstanceOfSatisfying(CorruptArtifactException.class,
                e -> assertThat(e).hasMessageContaining("part '" + part.key() + "'").hasMessageContaining("missing"));
    }

    @Test
    void refusesAnotherMasterKeyNamingBothKeyIds() throws IOException {
        write("other-key", TestData.rows(100_000, 12));
        LocalKeyFileMasterKey other = LocalKeyFileMasterKey.openOrCreate(keys.resolve("other.json"));
        ArtifactPipeline withOtherKey = new ArtifactPipeline(store, layout, other, SETTINGS);

        assertThatThrownBy(() -> withOtherKey.openForRestore(target, "other-key"))
                .isInstanceOf(WrongKeyException.class).hasMessageContaining(masterKey.keyId())
                .hasMessageContaining(other.keyId()).hasMessageContaining("backup 'other-key'");
        VerificationReport report = withOtherKey.verify(target, "other-key");
        assertThat(report.ok()).isFalse();
        assertThat(report.problems().get(0).kind()).isEqualTo(Kind.WRONG_KEY);
    }

    @Test
    void refusesADataKeyCopiedFromAnotherBackup() throws IOException {
        Manifest first = write("first", TestData.rows(100_000, 13));
        Manifest second = write("second", TestData.rows(100_000, 14));
        Manifest forged = new Manifest(second.formatVersion(), second.backupId(), second.targetId(), second.engine(),
                second.type(), second.sizes(), second.parts(), second.sha256(), second.sha256Method(),
                second.compression(),
                first.encryption(), second.storageClass(), second.startedAt(), second.completedAt(),
                second.engineMetadata());
        store.put(layout.manifest(target, "second"), ManifestCodec.write(forged), WriteOptions.HOT);

        assertThatThrownBy(() -> restore("second")).isInstanceOf(WrongKeyException.class)
                .hasMessageContaining("backup 'second'");
    }

    @Test
    void treatsABackupWithoutManifestAsNonExistent() throws IOException {
        writeFourParts("no-manifest");
        store.delete(layout.manifest(target, "no-manifest"));
        String expected = "backup 'no-manifest' of target '" + target
                + "' has no manifest: it does not exist or was never completed";

        assertThat(pipeline.manifest(target, "no-manifest")).isEmpty();
        assertThatThrownBy(() -> pipeline.verify(target, "no-manifest")).isInstanceOf(BackupNotFoundException.class)
                .hasMessageStartingWith(expected);
        assertThatThrownBy(() -> pipeline.openForRestore(target, "no-manifest"))
                .isInstanceOf(BackupNotFoundException.class).hasMessageStartingWith(expected);
    }

}
