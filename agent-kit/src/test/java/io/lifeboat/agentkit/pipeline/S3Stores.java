package io.lifeboat.agentkit.pipeline;

import java.util.concurrent.atomic.AtomicInteger;

import io.lifeboat.agentkit.storage.ObjectStore;
import io.lifeboat.agentkit.storage.S3ObjectStore;
import io.lifeboat.agentkit.storage.StoreSettings;
import io.lifeboat.testkit.s3.S3Server;

/** A fresh bucket on the test kit's S3 server for each test. */
final class S3Stores {

    private static final AtomicInteger BUCKETS = new AtomicInteger();

    private S3Stores() {
    }

    static ObjectStore freshBucket() throws java.io.IOException {
        S3Server server = S3Server.shared();
        String bucket = "pipeline-" + BUCKETS.incrementAndGet();
        server.createBucket(bucket);
        return new S3ObjectStore(StoreSettings.s3(bucket).withEndpoint(server.endpoint(), true)
                .withCredentials(server.region(), server.accessKey(), server.secretKey()));
    }
}
