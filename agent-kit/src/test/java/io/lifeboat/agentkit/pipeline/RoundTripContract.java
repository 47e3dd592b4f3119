package io.lifeboat.agentkit.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.lifeboat.agentkit.storage.ObjectInfo;

/** Round trips and write-side guarantees, run against every store driver. */
abstract class RoundTripContract extends PipelineScenario {

    @Test
    void restoresNothingWhenTheEngineWroteNothing() throws IOException {
        Manifest manifest = write("empty", new byte[0]);

        assertThat(restore("empty")).isEmpty();
        assertThat(manifest.sizes().raw()).isZero();
        assertThat(manifest.parts()).hasSize(1);
        assertThat(pipeline.verify(target, "empty").ok()).isTrue();
    }

    @Test
    void restoresOneByte() throws IOException {
        write("one-byte", new byte[]{42});

        assertThat(restore("one-byte")).containsExactly(42);
    }

    @Test
    void restoresAnArtifactThatFitsOnePart() throws IOException {
        byte[] data = TestData.rows(600_000, 1);

        Manifest manifest = write("one-part", data);

        assertThat(manifest.parts()).hasSize(1);
        assertThat(manifest.sizes().compressed()).isLessThan(data.length / 2);
        assertThat(restore("one-part")).isEqualTo(data);
    }

    @Test
    void restoresAnArtifactOfManyPartsAndRecordsEveryPartInTheManifest() throws IOException {
        byte[] data = concat(TestData.rows(3_000_000, 2), TestData.noise(3_500_000, 3));

        Manifest manifest = write("many-parts", data);

        assertThat(manifest.parts()).hasSizeGreaterThanOrEqualTo(4);
        assertThat(manifest.parts().subList(0, manifest.parts().size() - 1))
                .allSatisfy(p -> assertThat(p.size()).isEqualTo(SETTINGS.partSize()));
        assertThat(manifest.parts().stream().mapToLong(Manifest.Part::size).sum())
                .isEqualTo(manifest.sizes().stored());
        for (Manifest.Part part : manifest.parts()) {
            assertThat(store.stat(part.key()).map(ObjectInfo::size)).contains(part.size());
        }
        assertThat(manifest.sizes().raw()).isEqualTo(data.length);
        assertThat(restore("many-parts")).isEqualTo(data);
        VerificationReport report = pipeline.verify(target, "many-parts");
        assertThat(report.ok()).isTrue();
        assertThat(report.bytesChecked()).isEqualTo(manifest.sizes().stored());
        assertThat(report.rawBytes()).isEqualTo(data.length);
    }

    @Test
    void writesAManifestThatReadsBackEqualWithEngineMetadata() throws IOException {
        Manifest written = write("manifest", TestData.rows(10_000, 4));

        Manifest read = pipeline.manifest(target, "manifest").orElseThrow();

        assertThat(read).isEqualTo(written);
        assertThat(read.engineMetadata()).containsEntry("lsnStart", "0/3000028").containsEntry("files", 3);
        assertThat(read.encryption().masterKeyId()).isEqualTo(masterKey.keyId());
        assertThat(read.encryption().template()).isEqualTo("AES256_GCM_HKDF_1MB");
        assertThat(read.compression().level()).isEqualTo(3);
    }

    @Test
    void leavesNoObjectsWhenTheEngineFailsMidStream() throws IOException {
        assertThatThrownBy(() -> {
            try (ArtifactSink sink = pipeline.create(spec("engine-fails"))) {
                // 10 MB of noise, flushed through zstd: at least 9 encrypted 1 MiB chunks reach the part writer,
                // whose queue holds 5, so the first part has been completed before the engine fails.
                sink.stream().write(TestData.noise(10_000_000, 5));
                sink.stream().flush();
                assertThat(store.list("")).isNotEmpty();
                throw new IOException("pg_basebackup exited with status 1");
            }
        }).hasMessage("pg_basebackup exited with status 1");

        assertStoreEmpty();
        assertThat(pipeline.manifest(target, "engine-fails")).isEmpty();
    }

    @Test
    void keepsNoPlaintextInAnyStoredObject() throws IOException {
        byte[] marker = "LIFEBOAT-PLAINTEXT-MARKER-7f3a".getBytes(StandardCharsets.US_ASCII);
        byte[] data = new byte[2_500_000];
        for (int offset = 0; offset + marker.length <= data.length; offset += 1000) {
            System.arraycopy(marker, 0, data, offset, marker.length);
        }

        write("secret", data);

        for (ObjectInfo object : store.list("")) {
            assertThat(TestData.contains(readObject(object.key()), marker)).as("marker in %s", object.key())
                    .isFalse();
        }
        assertThat(store.list("")).extracting(ObjectInfo::key).contains(layout.manifest(target, "secret"));
        assertThat(restore("secret")).isEqualTo(data);
    }

    @Test
    void refusesToWriteABackupThatAlreadyExists() throws IOException {
        write("twice", new byte[]{1});

        assertThatThrownBy(() -> pipeline.create(spec("twice"))).isInstanceOf(IOException.class)
                .hasMessageContaining("backup 'twice' of target '" + target + "' already exists");
    }

    @Test
    void reportsProgressWhileWriting() throws IOException {
        try (ArtifactSink sink = pipeline.create(spec("progress"))) {
            OutputStream out = sink.stream();
            out.write(TestData.noise(2_500_000, 6));
            out.flush();
            ArtifactProgress progress = sink.progress();
            assertThat(progress.rawBytes()).isEqualTo(2_500_000);
            Manifest manifest = sink.complete(Map.of());
            assertThat(sink.progress().storedBytes()).isEqualTo(manifest.sizes().stored());
            assertThat(sink.progress().parts()).isEqualTo(manifest.parts().size());
        }
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] all = new byte[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
