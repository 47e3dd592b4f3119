package io.lifeboat.agentkit.storage;

import java.time.Duration;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/** Builds the AWS SDK v2 {@link S3Client} that {@link StoreSettings} describe. */
final class S3Clients {

    private S3Clients() {
    }

    static S3Client create(StoreSettings settings) {
        S3ClientBuilder builder = S3Client.builder()
                // Named explicitly (agents have several HTTP clients on the class path). Apache streams each part from
                // its buffer, where HttpURLConnection would copy it first; one pooled connection per part in flight.
                .httpClient(Apache5HttpClient.builder().maxConnections(settings.partsInFlight() + 2)
                        .connectionTimeout(Duration.ofSeconds(10)).socketTimeout(Duration.ofMinutes(2)).build())
                .credentialsProvider(credentials(settings))
                .forcePathStyle(settings.pathStyle())
                // Standard mode: exponential backoff with jitter and a retry quota, on throttling, 5xx and I/O errors.
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder()
                        .maxAttempts(settings.maxAttempts()).build()));
        settings.endpoint().ifPresent(builder::endpointOverride);
        settings.region().map(Region::of).ifPresent(builder::region);
        return builder.build();
    }

    private static AwsCredentialsProvider credentials(StoreSettings settings) {
        if (settings.accessKey().isPresent()) {
            return StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(settings.accessKey().get(), settings.secretKey().orElseThrow()));
        }
        return DefaultCredentialsProvider.builder().build();
    }
}
