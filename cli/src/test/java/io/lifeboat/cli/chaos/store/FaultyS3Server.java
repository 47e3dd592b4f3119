package io.lifeboat.cli.chaos.store;

import java.lang.reflect.Field;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;

import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import org.gaul.shaded.org.eclipse.jetty.server.Server;

import io.lifeboat.testkit.process.FreePorts;
import io.lifeboat.testkit.process.TempDirs;
import io.lifeboat.testkit.support.QuietLoggers;

/**
 * An S3 API server whose requests fail on demand: S3Proxy in this JVM over a file-system blob store in a temp
 * directory, like the test kit's {@code S3Server}, behind a {@link FaultyRequests} handler that its
 * {@link FaultSwitch} drives.
 */
public final class FaultyS3Server implements AutoCloseable {

    static final String ACCESS_KEY = "lifeboat-access";
    static final String SECRET_KEY = "lifeboat-secret-key-for-chaos";
    static final String REGION = "us-east-1";

    private final Path root;
    private final FilesystemNio2BlobStore files;
    private final FaultyRequests requests;
    private final S3Proxy proxy;
    private final URI endpoint;

    private FaultyS3Server(Path root, FilesystemNio2BlobStore files, FaultyRequests requests, S3Proxy proxy,
            URI endpoint) {
        this.root = root;
        this.files = files;
        this.requests = requests;
        this.proxy = proxy;
        this.endpoint = endpoint;
    }

    /** Starts a server with bucket {@code bucket} on a free port of 127.0.0.1; the caller closes it. */
    public static FaultyS3Server start(String bucket, FaultSwitch faults) throws Exception {
        QuietLoggers.warnOnly("org.gaul");
        Path root = TempDirs.create("lifeboat-chaos-s3-");
        FilesystemNio2BlobStore files = new FilesystemNio2BlobStore(root.toString());
        files.createContainer(bucket);
        URI endpoint = URI.create("http://127.0.0.1:" + FreePorts.find());
        S3Proxy proxy = S3Proxy.builder().blobStore(files).endpoint(endpoint)
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY).build();
        try {
            // S3Proxy has no hook for a handler of its own; its Jetty server is a private field.
            Field field = S3Proxy.class.getDeclaredField("server");
            field.setAccessible(true);
            Server server = (Server) field.get(proxy);
            FaultyRequests requests = new FaultyRequests(server.getHandler(), faults);
            server.setHandler(requests);
            proxy.start();
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (!"STARTED".equals(proxy.getState()) && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            if (!"STARTED".equals(proxy.getState())) {
                throw new IllegalStateException("Jetty state is " + proxy.getState() + " after 10 s");
            }
            return new FaultyS3Server(root, files, requests, proxy, endpoint);
        } catch (Exception e) {
            try {
                proxy.stop();
            } catch (Exception stopFailure) {
                e.addSuppressed(stopFailure);
            }
            files.close();
            TempDirs.deleteRecursively(root);
            throw new IllegalStateException("unable to start the faulty S3 server in " + root + " at " + endpoint
                    + ": " + e.getMessage(), e);
        }
    }

    /** The base URI, for path-style addressing. */
    public URI endpoint() {
        return endpoint;
    }

    /** Requests per operation, each with its injected failures, e.g. {@code UploadPart=120/11}. */
    public Map<String, String> requestsByOperation() {
        return requests.requestsByOperation();
    }

    /** Pending multipart uploads of {@code bucket}, read from the files beneath, not through the faults. */
    public int pendingUploads(String bucket) {
        return files.listMultipartUploads(bucket).size();
    }

    /** Stops the server and deletes every stored object. */
    @Override
    public void close() {
        try {
            proxy.stop();
        } catch (Exception e) {
            System.err.println("unable to stop the faulty S3 server at " + endpoint + ": " + e.getMessage());
        }
        files.close();
        TempDirs.deleteRecursively(root);
    }
}
