package io.lifeboat.cli.decrypt;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.lifeboat.agentkit.crypto.LocalKeyFileMasterKey;
import io.lifeboat.agentkit.pipeline.ArtifactPipeline;
import io.lifeboat.agentkit.pipeline.ArtifactSink;
import io.lifeboat.agentkit.pipeline.ArtifactSpec;
import io.lifeboat.agentkit.pipeline.PipelineSettings;
import io.lifeboat.agentkit.storage.ArtifactLayout;
import io.lifeboat.agentkit.storage.ObjectStore;
import io.lifeboat.agentkit.storage.ObjectStores;
import io.lifeboat.agentkit.storage.StoreSettings;
import io.lifeboat.agentkit.storage.WriteOptions;
import io.lifeboat.events.Engine;
import io.lifeboat.events.backup.BackupType;
import io.lifeboat.testkit.s3.S3Server;

import picocli.CommandLine;

/** {@code lifeboat decrypt --store s3://bucket/prefix --endpoint ...} against the testkit's S3 server. */
class DecryptCommandS3IT {

    private static final String BUCKET = "decrypt-it";
    private static S3Server s3;

    @TempDir
    Path dir;

    @BeforeAll
    static void startS3() {
        s3 = S3Server.start();
        s3.createBucket(BUCKET);
        // The AWS SDK's default credentials chain reads these as it reads AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY.
        System.setProperty("aws.accessKeyId", s3.accessKey());
        System.setProperty("aws.secretAccessKey", s3.secretKey());
    }

    @AfterAll
    static void stopS3() {
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
        s3.close();
    }

    @Test
    void writesTheOriginalBytesOfABackupStoredInAnS3BucketUnderAPrefix() throws IOException {
        Path key = dir.resolve("master.key");
        byte[] original = new byte[(1 << 20) + 777];
        new Random(7).nextBytes(original);
        StoreSettings settings = StoreSettings.s3(BUCKET).withPrefix("lifeboat").withEndpoint(s3.endpoint(), true)
                .withCredentials(s3.region(), s3.accessKey(), s3.secretKey());
        try (ObjectStore objects = ObjectStores.create(settings)) {
            ArtifactPipeline pipeline = new ArtifactPipeline(objects, new ArtifactLayout(),
                    LocalKeyFileMasterKey.openOrCreate(key), PipelineSettings.defaults().withPartSize(1 << 20));
            try (ArtifactSink sink = pipeline.create(
                    new ArtifactSpec("cache", "rdb-1", Engine.REDIS, BackupType.SNAPSHOT, WriteOptions.HOT))) {
                sink.stream().write(original);
                sink.complete(Map.of());
            }
        }
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = new CommandLine(new DecryptCommand(stdout));
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        String[] store = {"--store", "s3://" + BUCKET + "/lifeboat", "--endpoint", s3.endpoint().toString(),
                "--region", s3.region(), "--target", "cache"};

        int listed = commandLine.execute(concat(store, "--list"));
        int decrypted = commandLine.execute(concat(store, "--key", key.toString(), "--backup", "rdb-1"));

        assertThat(listed).as(err.toString()).isZero();
        assertThat(out.toString()).contains("rdb-1").contains("SNAPSHOT").contains("REDIS");
        assertThat(decrypted).as(err.toString()).isZero();
        assertThat(stdout.toByteArray()).isEqualTo(original);
    }

    private static String[] concat(String[] first, String... rest) {
        String[] all = new String[first.length + rest.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(rest, 0, all, first.length, rest.length);
        return all;
    }
}
