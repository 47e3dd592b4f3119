package io.lifeboat.testkit.quarkus;

import java.util.Map;

import io.lifeboat.testkit.s3.S3Server;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** Points a Quarkus test's {@code lifeboat.s3.*} settings at the JVM's shared S3 server, path-style. */
public class S3Resource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        S3Server s3 = S3Server.shared();
        return Map.of("lifeboat.s3.endpoint", s3.endpoint().toString(),
                "lifeboat.s3.access-key", s3.accessKey(),
                "lifeboat.s3.secret-key", s3.secretKey(),
                "lifeboat.s3.region", s3.region(),
                "lifeboat.s3.path-style", "true");
    }

    @Override
    public void stop() {
        // Shared by every test of the JVM; a shutdown hook stops it.
    }
}
