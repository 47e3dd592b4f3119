package io.lifeboat.cli.chaos.store;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.gaul.shaded.org.eclipse.jetty.io.Content;
import org.gaul.shaded.org.eclipse.jetty.server.Handler;
import org.gaul.shaded.org.eclipse.jetty.server.Request;
import org.gaul.shaded.org.eclipse.jetty.server.Response;
import org.gaul.shaded.org.eclipse.jetty.util.Callback;

/**
 * The S3 server's outermost HTTP handler: answers the requests its {@link FaultSwitch} picks the way S3 does under
 * stress, alternately {@code 503 SlowDown} and {@code 500 InternalError} with S3's XML error body, before S3Proxy
 * sees them (so nothing of a failed request is stored); passes the others on; counts requests per operation.
 */
final class FaultyRequests extends Handler.Wrapper {

    private final FaultSwitch faults;
    private final Map<String, AtomicLong> requests = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> failures = new ConcurrentHashMap<>();

    FaultyRequests(Handler s3proxy, FaultSwitch faults) {
        super(s3proxy);
        this.faults = faults;
    }

    /** Requests per operation, each with its injected failures, e.g. {@code UploadPart=120/11}. */
    Map<String, String> requestsByOperation() {
        Map<String, String> out = new TreeMap<>();
        requests.forEach((op, n) -> out.put(op, n.get() + "/" + failures.getOrDefault(op, new AtomicLong()).get()));
        return out;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String operation = S3Operations.of(request.getMethod(), request.getHttpURI().getPath(),
                request.getHttpURI().getQuery());
        requests.computeIfAbsent(operation, op -> new AtomicLong()).incrementAndGet();
        if (!faults.failNext()) {
            return super.handle(request, response, callback);
        }
        long n = failures.computeIfAbsent(operation, op -> new AtomicLong()).incrementAndGet();
        // The body is read to its end first, so that the client reads the error answer rather than a connection
        // closed in the middle of its upload.
        Content.Source.consumeAll(request);
        boolean slowDown = n % 2 == 1;
        String code = slowDown ? "SlowDown" : "InternalError";
        String message = slowDown
                ? "Please reduce your request rate."
                : "We encountered an internal error. Please "
                        + "try again.";
        byte[] body = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>" + code + "</Code><Message>"
                + message + "</Message><RequestId>chaos-" + n + "</RequestId></Error>")
                .getBytes(StandardCharsets.UTF_8);
        response.setStatus(slowDown ? 503 : 500);
        response.getHeaders().put("Content-Type", "application/xml");
        response.write(true, "HEAD".equals(request.getMethod()) ? ByteBuffer.allocate(0) : ByteBuffer.wrap(body),
                callback);
        return true;
    }
}
