package io.lifeboat.cli.chaos.store;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/** Names the S3 operation of an HTTP request to a path-style endpoint from its method, path and query. */
final class S3Operations {

    private S3Operations() {
    }

    /**
     * The operation, e.g. {@code UploadPart} for {@code PUT /bucket/key?partNumber=2&uploadId=u}.
     *
     * @param method the HTTP method
     * @param path the path, {@code /bucket} or {@code /bucket/key...}
     * @param query the raw query, or null
     * @return the operation's name; {@code Other} for what the agents do not send
     */
    static String of(String method, String path, String query) {
        Set<String> params = query == null || query.isEmpty()
                ? Set.of()
                : Arrays.stream(query.split("&")).map(p -> p.split("=", 2)[0]).collect(Collectors.toSet());
        String trimmed = path == null ? "" : path.replaceAll("^/+", "");
        int slash = trimmed.indexOf('/');
        boolean object = slash > 0 && slash < trimmed.length() - 1;
        if (!object) {
            return switch (method) {
                case "GET" -> params.contains("uploads")
                        ? "ListMultipartUploads"
                        : params.contains("object-lock") ? "GetObjectLockConfiguration" : "ListObjects";
                case "HEAD" -> "HeadBucket";
                case "POST" -> params.contains("delete") ? "DeleteObjects" : "Other";
                default -> "Other";
            };
        }
        return switch (method) {
            case "PUT" -> params.contains("uploadId") ? "UploadPart" : "PutObject";
            case "POST" -> params.contains("uploads")
                    ? "CreateMultipartUpload"
                    : params.contains("uploadId") ? "CompleteMultipartUpload" : "Other";
            case "DELETE" -> params.contains("uploadId") ? "AbortMultipartUpload" : "DeleteObject";
            case "GET" -> params.contains("uploadId") ? "ListParts" : "GetObject";
            case "HEAD" -> "HeadObject";
            default -> "Other";
        };
    }
}
