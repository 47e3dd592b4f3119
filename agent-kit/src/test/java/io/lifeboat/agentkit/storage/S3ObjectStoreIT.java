package io.lifeboat.agentkit.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.lifeboat.testkit.s3.S3Server;

import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

class S3ObjectStoreIT extends ObjectStoreContract {

    static final String BUCKET = "lifeboat-store-contract";

    private static S3Server server;
    private static S3Client raw;

    private final String prefix = "run-" + UUID.randomUUID();

    @BeforeAll
    static void startServer() {
        server = S3Server.shared();
        server.createBucket(BUCKET);
        raw = S3Clients.create(settings(BUCKET, ""));
    }

    @AfterAll
    static void closeClient() {
        raw.close();
    }

    static StoreSettings settings(String bucket, String prefix) {
        return StoreSettings.s3(bucket).withEndpoint(server.endpoint(), true)
                .withCredentials(server.region(), server.accessKey(), server.secretKey()).withPrefix(prefix)
                .withTuning(PART_SIZE, 3, 2, KEYS_PER_PAGE);
    }

    @Override
    protected ObjectStore openStore() throws IOException {
        return ObjectStores.create(settings(BUCKET, prefix));
    }

    @Override
    protected StorageClass storedClass(StorageClass requested, boolean multipart) {
        // S3Proxy keeps the storage class of a PutObject but stores a multipart upload as STANDARD whatever its
        // CreateMultipartUpload asked for (see S3ProxyBehaviourIT).
        return multipart ? StorageClass.HOT : requested;
    }

    @Override
    protected void assertNothingPending(String key) {
        assertThat(raw.listMultipartUploads(b -> b.bucket(BUCKET).prefix(prefix + "/")).uploads()).isEmpty();
    }

    @Test
    void keepsObjectsBelowTheBucketPrefixAndNamesTheLocation() throws IOException {
        store.put("orders/b1/manifest.json", bytes("{}"), WriteOptions.HOT);

        assertThat(store.location()).isEqualTo("s3://" + BUCKET + "/" + prefix);
        assertThat(raw.listObjectsV2(b -> b.bucket(BUCKET).prefix(prefix + "/")).contents())
                .extracting(S3Object::key).containsExactly(prefix + "/orders/b1/manifest.json");
        assertThat(store.list("")).extracting(ObjectInfo::key).containsExactly("orders/b1/manifest.json");
    }

    @Test
    void sendsPartsWithAtMostPartsInFlightAndOneMoreBuffer() throws IOException {
        String key = "orders/b1/data/part-000001";
        byte[] data = randomBytes(PART_SIZE * 11 / 2, 11);

        try (ObjectUpload upload = store.upload(key, WriteOptions.HOT)) {
            for (int offset = 0; offset < data.length; offset += 1 << 20) {
                upload.write(data, offset, Math.min(1 << 20, data.length - offset));
            }
            upload.complete();
            S3Upload parts = (S3Upload) upload;

            assertThat(parts.buffersAllocated()).isBetween(1, 3 + 1);
            assertThat(parts.peakPartsInFlight()).isBetween(1, 3);
        }
        assertThat(read(key)).isEqualTo(data);
    }

    @Test
    void failsNamingTheKeyAndTheServersAnswerWhenTheBucketIsMissing() throws IOException {
        String key = "orders/b1/data/part-000001";
        byte[] data = randomBytes(PART_SIZE * 3 / 2, 12);
        try (ObjectStore missing = ObjectStores.create(settings("lifeboat-no-such-bucket", ""))) {
            ObjectUpload upload = missing.upload(key, WriteOptions.HOT);

            assertThatThrownBy(() -> upload.write(data, 0, data.length)).isInstanceOf(IOException.class)
                    .hasMessageStartingWith("unable to upload object '" + key
                            + "' to s3://lifeboat-no-such-bucket: NoSuchBucket (HTTP 404)");
            assertThatThrownBy(upload::complete).hasMessageContaining(key);
            assertThatThrownBy(() -> missing.put("orders/b1/manifest.json", bytes("{}"), WriteOptions.HOT))
                    .hasMessageStartingWith("unable to upload object 'orders/b1/manifest.json' to "
                            + "s3://lifeboat-no-such-bucket: NoSuchBucket (HTTP 404)");
        }
    }

    @Test
    void treatsTheBucketAsUnlockedWhenTheServerDoesNotImplementObjectLock() {
        assertThat(((S3ObjectStore) store).objectLockEnabled()).isFalse();
    }
}
