package io.lifeboat.agentkit.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import software.amazon.awssdk.services.s3.model.AbortMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.ObjectLockMode;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;

class S3UploadTest {

    private static final int PART = StoreSettings.MIN_PART_SIZE;
    private static final String KEY = "pg/orders/b1/data/part-000001";

    private final FakeS3 s3 = new FakeS3();
    private S3ObjectStore store;

    @AfterEach
    void closeStore() {
        if (store != null) {
            store.close();
        }
    }

    @Test
    void blocksTheWriterWhileAllPartsAreInFlightAndNeverHoldsMoreThanOneExtraBuffer() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        s3.partHandler = part -> {
            await(release);
            return UploadPartResponse.builder().eTag("etag-" + part.partNumber()).build();
        };
        store = store(StoreSettings.LockMode.GOVERNANCE, 2);
        byte[] data = ObjectStoreContract.randomBytes(PART * 6, 6);
        AtomicLong accepted = new AtomicLong();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        S3Upload upload = (S3Upload) store.upload(KEY, WriteOptions.HOT);
        Thread writer = new Thread(() -> {
            try {
                for (int offset = 0; offset < data.length; offset += PART / 4) {
                    upload.write(data, offset, PART / 4);
                    accepted.addAndGet(PART / 4);
                }
                upload.complete();
            } catch (Throwable e) {
                failure.set(e);
            }
        });
        writer.start();

        // Two parts in flight and a third full buffer: the writer waits to send the third before taking a fourth.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (accepted.get() < 3L * PART && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        Thread.sleep(200);
        assertThat(accepted.get()).isEqualTo(3L * PART);
        assertThat(writer.isAlive()).isTrue();
        assertThat(upload.buffersAllocated()).isEqualTo(3);
        assertThat(upload.peakPartsInFlight()).isEqualTo(2);

        release.countDown();
        writer.join(10_000);

        assertThat(failure.get()).isNull();
        assertThat(upload.buffersAllocated()).isLessThanOrEqualTo(3);
        assertThat(upload.peakPartsInFlight()).isEqualTo(2);
        CompleteMultipartUploadRequest completed = s3.requests(CompleteMultipartUploadRequest.class).get(0);
        assertThat(completed.multipartUpload().parts()).extracting(CompletedPart::partNumber)
                .containsExactly(1, 2, 3, 4, 5, 6);
        for (CompletedPart part : completed.multipartUpload().parts()) {
            byte[] expected = Arrays.copyOfRange(data, (part.partNumber() - 1) * PART, part.partNumber() * PART);
            assertThat(s3.partBodies.get(part.partNumber())).isEqualTo(expected);
            assertThat(part.checksumSHA256()).isEqualTo(sha256(expected));
        }
        assertThat(s3.requests(CreateMultipartUploadRequest.class)).singleElement()
                .extracting(CreateMultipartUploadRequest::checksumAlgorithm).isEqualTo(ChecksumAlgorithm.SHA256);
        assertThat(s3.requests(AbortMultipartUploadRequest.class)).isEmpty();
    }

    @Test
    void abortsTheMultipartUploadAndNamesTheKeyWhenAPartFails() throws Exception {
        s3.partHandler = part -> {
            if (part.partNumber() == 2) {
                throw FakeS3.error(500, "InternalError");
            }
            return UploadPartResponse.builder().eTag("etag-" + part.partNumber()).build();
        };
        store = store(StoreSettings.LockMode.GOVERNANCE, 4);
        byte[] data = ObjectStoreContract.randomBytes(PART * 4, 4);
        ObjectUpload upload = store.upload(KEY, WriteOptions.HOT);

        assertThatThrownBy(() -> {
            upload.write(data, 0, data.length);
            upload.complete();
        }).isInstanceOf(IOException.class).hasMessage("unable to upload object '" + KEY
                + "' to s3://bucket/pg-prefix: part 2: InternalError (HTTP 500): InternalError from the fake");

        assertThat(s3.requests(AbortMultipartUploadRequest.class)).singleElement()
                .satisfies(abort -> assertThat(abort.uploadId()).isEqualTo("upload-1"))
                .satisfies(abort -> assertThat(abort.key()).isEqualTo("pg-prefix/" + KEY));
        assertThat(s3.requests(CompleteMultipartUploadRequest.class)).isEmpty();
        assertThatThrownBy(() -> upload.write(data, 0, 1)).hasMessageContaining(KEY);
    }

    @Test
    void sendsAnObjectOfOnePartWithOnePutObjectCarryingItsSha256() throws Exception {
        store = store(StoreSettings.LockMode.GOVERNANCE, 4);
        byte[] data = ObjectStoreContract.randomBytes(PART, 1);

        try (ObjectUpload upload = store.upload(KEY, WriteOptions.of(StorageClass.COLD))) {
            upload.write(data, 0, data.length);
            assertThat(upload.complete().size()).isEqualTo(PART);
        }

        assertThat(s3.requests(CreateMultipartUploadRequest.class)).isEmpty();
        PutObjectRequest put = s3.requests(PutObjectRequest.class).get(0);
        assertThat(put.checksumSHA256()).isEqualTo(sha256(data));
        assertThat(put.storageClassAsString()).isEqualTo("GLACIER_IR");
        assertThat(put.objectLockMode()).isNull();
    }

    @Test
    void appliesTheLockModeAndRetentionDateWhenTheBucketHasObjectLock() throws IOException {
        s3.objectLock = true;
        store = store(StoreSettings.LockMode.COMPLIANCE, 4);
        Instant until = Instant.parse("2027-01-01T00:00:00Z");

        store.put("a", new byte[]{1}, new WriteOptions(StorageClass.HOT, Optional.of(until)));
        store.put("b", new byte[]{1}, WriteOptions.HOT);
        try (ObjectUpload upload = store.upload("c", new WriteOptions(StorageClass.HOT, Optional.of(until)))) {
            byte[] data = new byte[PART + 1];
            upload.write(data, 0, data.length);
            upload.complete();
        }

        assertThat(store.objectLockEnabled()).isTrue();
        assertThat(s3.requests(PutObjectRequest.class)).satisfiesExactly(a -> {
            assertThat(a.objectLockMode()).isEqualTo(ObjectLockMode.COMPLIANCE);
            assertThat(a.objectLockRetainUntilDate()).isEqualTo(until);
        }, b -> {
            // No date: the bucket's default retention applies, which S3 does by itself.
            assertThat(b.objectLockMode()).isNull();
            assertThat(b.objectLockRetainUntilDate()).isNull();
        });
        assertThat(s3.requests(CreateMultipartUploadRequest.class)).singleElement().satisfies(c -> {
            assertThat(c.objectLockMode()).isEqualTo(ObjectLockMode.COMPLIANCE);
            assertThat(c.objectLockRetainUntilDate()).isEqualTo(until);
        });
    }

    @Test
    void sendsNoLockHeadersWhenTheBucketHasNoObjectLock() throws IOException {
        store = store(StoreSettings.LockMode.COMPLIANCE, 4);

        store.put("a", new byte[]{1}, new WriteOptions(StorageClass.HOT, Optional.of(Instant.now())));

        assertThat(store.objectLockEnabled()).isFalse();
        assertThat(s3.requests(PutObjectRequest.class)).singleElement().satisfies(a -> {
            assertThat(a.objectLockMode()).isNull();
            assertThat(a.objectLockRetainUntilDate()).isNull();
        });
    }

    private S3ObjectStore store(StoreSettings.LockMode lockMode, int partsInFlight) throws IOException {
        StoreSettings settings = StoreSettings.s3("bucket").withPrefix("/pg-prefix/").withTuning(PART, partsInFlight,
                1, 1000).withClasses(StorageClassMapping.DEFAULT, lockMode);
        return new S3ObjectStore(s3.client(), settings);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String sha256(byte[] bytes) throws Exception {
        return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
