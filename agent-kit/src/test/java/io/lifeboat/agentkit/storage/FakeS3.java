package io.lifeboat.agentkit.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.AbortMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.GetObjectLockConfigurationResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectLockEnabled;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.UploadPartRequest;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;

/**
 * An in-memory stand-in for the S3 API calls the store makes, recording every request; tests replace the part
 * handler to slow parts down or make them fail, and choose whether the bucket has Object Lock.
 */
final class FakeS3 {

    final List<Object> requests = new CopyOnWriteArrayList<>();
    final Map<Integer, byte[]> partBodies = new ConcurrentHashMap<>();
    final Map<String, Long> sizes = new ConcurrentHashMap<>();
    volatile boolean objectLock;
    volatile Function<UploadPartRequest, UploadPartResponse> partHandler = part -> UploadPartResponse.builder()
            .eTag("etag-" + part.partNumber()).build();

    S3Client client() {
        return (S3Client) Proxy.newProxyInstance(S3Client.class.getClassLoader(), new Class<?>[]{S3Client.class},
                (proxy, method, args) -> answer(method, args));
    }

    @SuppressWarnings("unchecked")
    <T> List<T> requests(Class<T> type) {
        return (List<T>) requests.stream().filter(type::isInstance).toList();
    }

    static S3Exception error(int status, String code) {
        return (S3Exception) S3Exception.builder().statusCode(status)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(code + " from the fake")
                        .build())
                .build();
    }

    private Object answer(Method method, Object[] args) throws Exception {
        if (args != null && args.length > 0) {
            requests.add(args[0]);
        }
        return switch (method.getName()) {
            case "getObjectLockConfiguration" -> {
                if (!objectLock) {
                    throw error(501, "NotImplemented");
                }
                yield GetObjectLockConfigurationResponse.builder()
                        .objectLockConfiguration(c -> c.objectLockEnabled(ObjectLockEnabled.ENABLED)).build();
            }
            case "createMultipartUpload" -> CreateMultipartUploadResponse.builder().uploadId("upload-1").build();
            case "uploadPart" -> {
                UploadPartRequest part = (UploadPartRequest) args[0];
                partBodies.put(part.partNumber(), read((RequestBody) args[1]));
                yield partHandler.apply(part);
            }
            case "completeMultipartUpload" -> {
                sizes.put(((software.amazon.awssdk.services.s3.model.CompleteMultipartUploadRequest) args[0]).key(),
                        partBodies.values().stream().mapToLong(b -> b.length).sum());
                yield CompleteMultipartUploadResponse.builder().build();
            }
            case "putObject" -> {
                sizes.put(((software.amazon.awssdk.services.s3.model.PutObjectRequest) args[0]).key(),
                        (long) read((RequestBody) args[1]).length);
                yield PutObjectResponse.builder().build();
            }
            case "headObject" -> {
                Long size = sizes.get(((HeadObjectRequest) args[0]).key());
                if (size == null) {
                    throw NoSuchKeyException.builder().statusCode(404).build();
                }
                yield HeadObjectResponse.builder().contentLength(size).lastModified(Instant.now()).build();
            }
            case "abortMultipartUpload" -> AbortMultipartUploadResponse.builder().build();
            case "close" -> null;
            default -> throw new UnsupportedOperationException("the fake S3 has no " + method.getName());
        };
    }

    private static byte[] read(RequestBody body) {
        try (InputStream in = body.contentStreamProvider().newStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
