package io.lifeboat.testkit.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.S3Exception;

class S3ServerIT {

    private static final int PART_SIZE = 5 * 1024 * 1024;

    private final S3Server server = S3Server.shared();

    @Test
    void storesAndReturnsAMultipartObjectWithMatchingSha256() throws Exception {
        String bucket = "lifeboat-artifacts";
        String key = "orders-db/backup-1/data/0";
        server.createBucket(bucket);
        byte[] data = new byte[2 * PART_SIZE + 1234];
        new Random(42).nextBytes(data);

        try (S3Client s3 = client()) {
            String uploadId = s3.createMultipartUpload(b -> b.bucket(bucket).key(key)
                    .checksumAlgorithm(ChecksumAlgorithm.SHA256)).uploadId();
            List<CompletedPart> parts = new ArrayList<>();
            for (int number = 1, offset = 0; offset < data.length; number++, offset += PART_SIZE) {
                byte[] part = Arrays.copyOfRange(data, offset, Math.min(data.length, offset + PART_SIZE));
                int partNumber = number;
                String sha256 = base64Sha256(part);
                String eTag = s3.uploadPart(b -> b.bucket(bucket).key(key).uploadId(uploadId).partNumber(partNumber)
                        .checksumAlgorithm(ChecksumAlgorithm.SHA256).checksumSHA256(sha256),
                        RequestBody.fromBytes(part)).eTag();
                parts.add(CompletedPart.builder().partNumber(partNumber).eTag(eTag).checksumSHA256(sha256).build());
            }
            s3.completeMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId)
                    .multipartUpload(m -> m.parts(parts)));

            byte[] stored = s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray();

            assertThat(parts).hasSize(3);
            assertThat(stored).hasSize(data.length).isEqualTo(data);
            assertThat(base64Sha256(stored)).isEqualTo(base64Sha256(data));
        }
    }

    @Test
    void rejectsAPartWhoseSha256DoesNotMatchItsBytes() throws Exception {
        String bucket = "lifeboat-checksums";
        server.createBucket(bucket);
        byte[] part = new byte[1024];
        new Random(7).nextBytes(part);
        String rightSha256 = base64Sha256(part);
        String wrongSha256 = base64Sha256("some other bytes".getBytes());

        try (S3Client s3 = client()) {
            String uploadId = s3.createMultipartUpload(b -> b.bucket(bucket).key("corrupt")
                    .checksumAlgorithm(ChecksumAlgorithm.SHA256)).uploadId();

            assertThatThrownBy(() -> s3.uploadPart(b -> b.bucket(bucket).key("corrupt").uploadId(uploadId)
                    .partNumber(1).checksumAlgorithm(ChecksumAlgorithm.SHA256).checksumSHA256(wrongSha256),
                    RequestBody.fromBytes(part)))
                    .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(400));
            String eTag = s3.uploadPart(b -> b.bucket(bucket).key("corrupt").uploadId(uploadId).partNumber(1)
                    .checksumAlgorithm(ChecksumAlgorithm.SHA256).checksumSHA256(rightSha256),
                    RequestBody.fromBytes(part)).eTag();
            assertThat(eTag).isNotBlank();
        }
    }

    private S3Client client() {
        return S3Client.builder().endpointOverride(server.endpoint()).region(Region.of(server.region()))
                .forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(server.accessKey(), server.secretKey())))
                .build();
    }

    private static String base64Sha256(byte[] bytes) throws Exception {
        return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
