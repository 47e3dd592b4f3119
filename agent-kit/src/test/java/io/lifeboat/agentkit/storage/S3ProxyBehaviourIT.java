package io.lifeboat.agentkit.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.lifeboat.testkit.s3.S3Server;

import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import software.amazon.awssdk.services.s3.model.NoSuchUploadException;
import software.amazon.awssdk.services.s3.model.ObjectLockMode;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/** What the test S3 server (S3Proxy 4.1.0, file-system blob store) does and does not do, as DESIGN.md states it. */
class S3ProxyBehaviourIT {

    private static final String BUCKET = "lifeboat-s3proxy-behaviour";

    private static S3Client s3;

    @BeforeAll
    static void connect() {
        S3Server server = S3Server.shared();
        server.createBucket(BUCKET);
        s3 = S3Clients.create(StoreSettings.s3(BUCKET).withEndpoint(server.endpoint(), true)
                .withCredentials(server.region(), server.accessKey(), server.secretKey()));
    }

    @AfterAll
    static void disconnect() {
        s3.close();
    }

    @Test
    void answersObjectLockRequestsWithNotImplemented() {
        assertThatThrownBy(() -> s3.getObjectLockConfiguration(b -> b.bucket(BUCKET)))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(501));
        assertThatThrownBy(() -> s3.putObject(b -> b.bucket(BUCKET).key("locked")
                .objectLockMode(ObjectLockMode.GOVERNANCE).objectLockRetainUntilDate(Instant.now().plusSeconds(60)),
                RequestBody.fromString("x")))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(501));
    }

    @Test
    void keepsTheStorageClassOfPutObjectButNotOfMultipartUploads() {
        s3.putObject(b -> b.bucket(BUCKET).key("class/put").storageClass("DEEP_ARCHIVE"), RequestBody.fromString("x"));
        String uploadId = s3.createMultipartUpload(b -> b.bucket(BUCKET).key("class/multipart")
                .storageClass("STANDARD_IA")).uploadId();
        String eTag = s3.uploadPart(b -> b.bucket(BUCKET).key("class/multipart").uploadId(uploadId).partNumber(1),
                RequestBody.fromString("x")).eTag();
        s3.completeMultipartUpload(b -> b.bucket(BUCKET).key("class/multipart").uploadId(uploadId)
                .multipartUpload(m -> m.parts(CompletedPart.builder().partNumber(1).eTag(eTag).build())));

        assertThat(s3.headObject(b -> b.bucket(BUCKET).key("class/put")).storageClassAsString())
                .isEqualTo("DEEP_ARCHIVE");
        // An archived object is readable at once: there is no restore step to test against.
        assertThat(s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("class/put")).asUtf8String()).isEqualTo("x");
        assertThat(s3.headObject(b -> b.bucket(BUCKET).key("class/multipart")).storageClassAsString())
                .isEqualTo("STANDARD");
    }

    @Test
    void listsPendingMultipartUploadsUntilTheyAreAborted() {
        String uploadId = s3.createMultipartUpload(b -> b.bucket(BUCKET).key("pending/one")).uploadId();

        assertThat(s3.listMultipartUploads(b -> b.bucket(BUCKET).prefix("pending/")).uploads())
                .extracting(MultipartUpload::uploadId).containsExactly(uploadId);
        assertThat(s3.listObjectsV2(b -> b.bucket(BUCKET).prefix("pending/")).contents()).isEmpty();

        s3.abortMultipartUpload(b -> b.bucket(BUCKET).key("pending/one").uploadId(uploadId));

        assertThat(s3.listMultipartUploads(b -> b.bucket(BUCKET).prefix("pending/")).uploads()).isEmpty();
        assertThatThrownBy(() -> s3.abortMultipartUpload(b -> b.bucket(BUCKET).key("pending/one").uploadId(uploadId)))
                .isInstanceOf(NoSuchUploadException.class);
    }

    @Test
    void pagesListingsByMaxKeysWithContinuationTokens() {
        for (int n = 0; n < 12; n++) {
            String key = String.format("paged/k%02d", n);
            s3.putObject(b -> b.bucket(BUCKET).key(key), RequestBody.fromString("x"));
        }

        ListObjectsV2Response first = s3.listObjectsV2(b -> b.bucket(BUCKET).prefix("paged/").maxKeys(10));
        ListObjectsV2Response second = s3.listObjectsV2(b -> b.bucket(BUCKET).prefix("paged/").maxKeys(10)
                .continuationToken(first.nextContinuationToken()));

        assertThat(first.contents()).hasSize(10);
        assertThat(first.isTruncated()).isTrue();
        assertThat(second.contents()).extracting(S3Object::key).containsExactly("paged/k10", "paged/k11");
        assertThat(second.isTruncated()).isFalse();
    }

    @Test
    void refusesPartsSmallerThanFiveMebibytesExceptTheLast() {
        String key = "small-parts";
        String uploadId = s3.createMultipartUpload(b -> b.bucket(BUCKET).key(key)).uploadId();
        String first = s3.uploadPart(b -> b.bucket(BUCKET).key(key).uploadId(uploadId).partNumber(1),
                RequestBody.fromString("abc")).eTag();
        String second = s3.uploadPart(b -> b.bucket(BUCKET).key(key).uploadId(uploadId).partNumber(2),
                RequestBody.fromString("def")).eTag();

        assertThatThrownBy(() -> s3.completeMultipartUpload(b -> b.bucket(BUCKET).key(key).uploadId(uploadId)
                .multipartUpload(m -> m.parts(CompletedPart.builder().partNumber(1).eTag(first).build(),
                        CompletedPart.builder().partNumber(2).eTag(second).build()))))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(400));
        s3.abortMultipartUpload(b -> b.bucket(BUCKET).key(key).uploadId(uploadId));
    }

    @Test
    void refusesAPutObjectWhoseSha256DoesNotMatch() {
        String sha256OfOtherBytes = "n4bQgYhMfWWaL+qgxVrQFaO/TxsrC4Is0V1sFbDwCgg=";

        assertThatThrownBy(() -> s3.putObject(b -> b.bucket(BUCKET).key("corrupt")
                .checksumAlgorithm(software.amazon.awssdk.services.s3.model.ChecksumAlgorithm.SHA256)
                .checksumSHA256(sha256OfOtherBytes), RequestBody.fromString("x")))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(400));
        assertThatThrownBy(() -> s3.headObject(b -> b.bucket(BUCKET).key("corrupt")))
                .isInstanceOf(S3Exception.class);
    }
}
