package io.lifeboat.agent.pg.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;

import org.junit.jupiter.api.Test;

class BaseBackupTarTapTest {

    private static final String LABEL = """
            START WAL LOCATION: 0/2000028 (file 000000010000000000000002)
            CHECKPOINT LOCATION: 0/2000060
            BACKUP METHOD: streamed
            BACKUP FROM: primary
            START TIME: 2026-11-21 21:54:37 UTC
            LABEL: bk-0123
            START TIMELINE: 1
            """;
    private static final String MANIFEST_END = """
            ],
            "WAL-Ranges": [
            { "Timeline": 1, "Start-LSN": "0/2000028", "End-LSN": "0/2000100" }
            ],
            "Manifest-Checksum": "3f02"}
            """;

    @Test
    void passesEveryByteThroughAndKeepsTheLabelAndTheManifestsWalRangeWhateverTheWriteSizes() throws Exception {
        byte[] data = new byte[70_000];
        new Random(7).nextBytes(data);
        byte[] manifest = ("{ \"Files\": [" + "x".repeat(100_000) + MANIFEST_END).getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream tar = new ByteArrayOutputStream();
        entry(tar, "backup_label", LABEL.getBytes(StandardCharsets.UTF_8));
        entry(tar, "base/1/1259", data);
        entry(tar, "backup_manifest", manifest);
        tar.write(new byte[1024]);
        byte[] stream = tar.toByteArray();

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BaseBackupTarTap tap = new BaseBackupTarTap(out);
        Random sizes = new Random(11);
        for (int pos = 0; pos < stream.length;) {
            int n = Math.min(stream.length - pos, 1 + sizes.nextInt(3000));
            tap.write(stream, pos, n);
            pos += n;
        }

        assertThat(out.toByteArray()).isEqualTo(stream);
        assertThat(tap.entries()).isEqualTo(3);
        assertThat(tap.label()).isEqualTo(LABEL);
        assertThat(tap.manifestTail()).endsWith(MANIFEST_END).hasSizeLessThan(manifest.length);
        BaseBackupInfo info = BaseBackupInfo.parse(tap.label(), tap.manifestTail());
        assertThat(info).isEqualTo(new BaseBackupInfo("0/2000028", "0/2000100", 1, "bk-0123",
                "2026-11-21 21:54:37 UTC"));
    }

    /** A ustar entry as PostgreSQL writes it: header with name and octal size, data padded to 512 bytes. */
    private static void entry(ByteArrayOutputStream tar, String name, byte[] data) {
        byte[] header = new byte[512];
        byte[] nameBytes = name.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(nameBytes, 0, header, 0, nameBytes.length);
        byte[] size = String.format("%011o", data.length).getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(size, 0, header, 124, size.length);
        header[156] = '0';
        System.arraycopy("ustar".getBytes(StandardCharsets.US_ASCII), 0, header, 257, 5);
        tar.writeBytes(header);
        tar.writeBytes(data);
        tar.writeBytes(new byte[(512 - data.length % 512) % 512]);
    }
}
