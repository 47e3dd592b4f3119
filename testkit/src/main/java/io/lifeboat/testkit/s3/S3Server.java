package io.lifeboat.testkit.s3;

import java.net.URI;
import java.nio.file.Path;

import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;

import io.lifeboat.testkit.process.FreePorts;
import io.lifeboat.testkit.process.JvmExit;
import io.lifeboat.testkit.process.TempDirs;
import io.lifeboat.testkit.support.BindFailure;
import io.lifeboat.testkit.support.QuietLoggers;

/**
 * An S3 API server for tests: S3Proxy in this JVM over a file-system blob store in a temp directory, on a free port
 * of 127.0.0.1, with fixed credentials, path-style addressing and AWS signature V2 or V4.
 */
public final class S3Server implements AutoCloseable {

    private static final String ACCESS_KEY = "lifeboat-access";
    private static final String SECRET_KEY = "lifeboat-secret-key-for-tests";
    private static final String REGION = "us-east-1";
    private static volatile S3Server shared;

    private final Path root;
    private final BlobStore blobStore;
    private final S3Proxy proxy;
    private final URI endpoint;

    private S3Server(Path root, BlobStore blobStore, S3Proxy proxy, URI endpoint) {
        this.root = root;
        this.blobStore = blobStore;
        this.proxy = proxy;
        this.endpoint = endpoint;
    }

    /** Starts a new server that the caller closes. */
    public static S3Server start() {
        QuietLoggers.warnOnly("org.gaul");
        Path root = TempDirs.create("lifeboat-s3-");
        BlobStore blobStore = new FilesystemNio2BlobStore(root.toString());
        for (int attempt = 1;; attempt++) {
            URI endpoint = URI.create("http://127.0.0.1:" + FreePorts.find());
            S3Proxy proxy = S3Proxy.builder().blobStore(blobStore).endpoint(endpoint)
                    .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                    .build();
            try {
                proxy.start();
                awaitStarted(proxy);
                return new S3Server(root, blobStore, proxy, endpoint);
            } catch (Exception e) {
                stopQuietly(proxy);
                // The free port may have been taken between the probe and the bind: try another one.
                if (attempt < 3 && BindFailure.causedBy(e)) {
                    continue;
                }
                blobStore.close();
                TempDirs.deleteRecursively(root);
                throw new IllegalStateException("unable to start S3 server in " + root + " at " + endpoint + ": "
                        + e.getMessage(), e);
            }
        }
    }

    private static void awaitStarted(S3Proxy proxy) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!"STARTED".equals(proxy.getState()) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        if (!"STARTED".equals(proxy.getState())) {
            throw new IllegalStateException("Jetty state is " + proxy.getState() + " after 10 s");
        }
    }

    /** The server of this JVM: started on first use, stopped by a shutdown hook; tests must not close it. */
    public static S3Server shared() {
        S3Server server = shared;
        if (server == null) {
            synchronized (S3Server.class) {
                server = shared;
                if (server == null) {
                    server = start();
                    JvmExit.register(server::close);
                    shared = server;
                }
            }
        }
        return server;
    }

    /** The base URI clients use with path-style addressing, e.g. {@code http://127.0.0.1:40123}. */
    public URI endpoint() {
        return endpoint;
    }

    public String accessKey() {
        return ACCESS_KEY;
    }

    public String secretKey() {
        return SECRET_KEY;
    }

    /** The region clients sign for; the server accepts any, this is the one the fixtures agree on. */
    public String region() {
        return REGION;
    }

    /** Creates a bucket unless it exists. */
    public void createBucket(String name) {
        try {
            if (!blobStore.containerExists(name)) {
                blobStore.createContainer(name);
            }
        } catch (RuntimeException e) {
            throw new IllegalStateException("unable to create S3 bucket '" + name + "' in " + root + ": "
                    + e.getMessage(), e);
        }
    }

    /** Stops the server and deletes every stored object. */
    @Override
    public void close() {
        stopQuietly(proxy);
        blobStore.close();
        TempDirs.deleteRecursively(root);
    }

    private static void stopQuietly(S3Proxy proxy) {
        try {
            proxy.stop();
        } catch (Exception e) {
            // Stopping a server that failed to start; the original failure is the one reported.
        }
    }
}
