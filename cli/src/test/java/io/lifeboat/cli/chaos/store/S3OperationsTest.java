package io.lifeboat.cli.chaos.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class S3OperationsTest {

    @Test
    void namesTheObjectOperationsOfAMultipartUploadByTheirQuery() {
        assertThat(S3Operations.of("POST", "/lifeboat/pg/b1/data/part-000001", "uploads"))
                .isEqualTo("CreateMultipartUpload");
        assertThat(S3Operations.of("PUT", "/lifeboat/pg/b1/data/part-000001", "partNumber=2&uploadId=u1"))
                .isEqualTo("UploadPart");
        assertThat(S3Operations.of("POST", "/lifeboat/pg/b1/data/part-000001", "uploadId=u1"))
                .isEqualTo("CompleteMultipartUpload");
        assertThat(S3Operations.of("DELETE", "/lifeboat/pg/b1/data/part-000001", "uploadId=u1"))
                .isEqualTo("AbortMultipartUpload");
        assertThat(S3Operations.of("GET", "/lifeboat/pg/b1/data/part-000001", "uploadId=u1")).isEqualTo("ListParts");
    }

    @Test
    void namesSingleObjectOperationsByTheirMethod() {
        assertThat(S3Operations.of("PUT", "/lifeboat/pg/b1/manifest.json", null)).isEqualTo("PutObject");
        assertThat(S3Operations.of("GET", "/lifeboat/pg/b1/manifest.json", "")).isEqualTo("GetObject");
        assertThat(S3Operations.of("HEAD", "/lifeboat/pg/b1/manifest.json", null)).isEqualTo("HeadObject");
        assertThat(S3Operations.of("DELETE", "/lifeboat/pg/b1/manifest.json", null)).isEqualTo("DeleteObject");
    }

    @Test
    void namesBucketOperationsWhenThePathHasNoKey() {
        assertThat(S3Operations.of("GET", "/lifeboat", "list-type=2&prefix=pg%2F")).isEqualTo("ListObjects");
        assertThat(S3Operations.of("GET", "/lifeboat/", "list-type=2")).isEqualTo("ListObjects");
        assertThat(S3Operations.of("GET", "/lifeboat", "uploads&prefix=pg")).isEqualTo("ListMultipartUploads");
        assertThat(S3Operations.of("GET", "/lifeboat", "object-lock")).isEqualTo("GetObjectLockConfiguration");
        assertThat(S3Operations.of("HEAD", "/lifeboat", null)).isEqualTo("HeadBucket");
        assertThat(S3Operations.of("POST", "/lifeboat", "delete")).isEqualTo("DeleteObjects");
    }
}
