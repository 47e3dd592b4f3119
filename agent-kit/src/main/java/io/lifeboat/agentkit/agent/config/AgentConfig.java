package io.lifeboat.agentkit.agent.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import io.lifeboat.agentkit.pipeline.PipelineSettings;
import io.lifeboat.agentkit.storage.StorageClass;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The agent skeleton's configuration, {@code lifeboat.agent.*}: runner limits, object store, master key, pipeline. */
@ConfigMapping(prefix = "lifeboat.agent")
public interface AgentConfig {

    /** Service name in the CloudEvents source {@code urn:lifeboat:<name>}; default from the engine, e.g. pg-agent. */
    Optional<String> name();

    /** Backups running at once on this instance, all targets together. */
    @WithDefault("2")
    int concurrency();

    /** Restores running at once on this instance; more wait in order of arrival. */
    @WithDefault("1")
    int restoreConcurrency();

    /** Commands waiting to start before the consumer stops taking more (backpressure). */
    @WithDefault("16")
    int maxWaiting();

    /** Longest a backup may run; then it is cancelled and reported failed. */
    @WithDefault("PT6H")
    Duration maxDuration();

    /** Least time between two {@code BackupProgressed} facts of one backup. */
    @WithDefault("PT5S")
    Duration progressInterval();

    /** Longest wait for the broker to acknowledge one fact (the producer retries within it). */
    @WithDefault("PT2M")
    Duration factTimeout();

    /** How long shutdown waits for cancelled backups to clean up. */
    @WithDefault("PT20S")
    Duration shutdownGrace();

    /** Storage tier new artifacts are written to. */
    @WithDefault("HOT")
    StorageClass storageClass();

    /** Where artifacts go. */
    Store store();

    /** The master key that wraps every backup's data key. */
    Key key();

    /** Compression and part sizes of the artifact pipeline. */
    Pipeline pipeline();

    /** Object-store settings, {@code lifeboat.agent.store.*}. */
    interface Store {

        /** {@code local} or {@code s3}. */
        @WithDefault("local")
        String driver();

        /** Root directory of the local driver. */
        @WithDefault("${user.home}/.lifeboat/store")
        Path localRoot();

        /** S3 endpoint; empty means AWS for the region. */
        Optional<URI> s3Endpoint();

        /** S3 bucket. */
        Optional<String> s3Bucket();

        /** Key prefix inside the bucket. */
        Optional<String> s3Prefix();

        /** S3 region; empty means the SDK's default region chain. */
        Optional<String> s3Region();

        /** Static access key; empty means the SDK's default credentials chain. */
        Optional<String> s3AccessKey();

        /** Static secret key. */
        Optional<String> s3SecretKey();

        /** Path-style URLs, as most S3-compatible servers want. */
        @WithDefault("false")
        boolean s3PathStyle();

        /**
         * Attempts per S3 request, the first one included, with exponential backoff and jitter between them: enough
         * to ride out a store that fails one request in ten (the chaos bench's {@code store} scenario).
         */
        @WithDefault("10")
        int s3MaxAttempts();
    }

    /** Master-key settings, {@code lifeboat.agent.key.*}. */
    interface Key {

        /** {@code local} (a key file, created on first use) or {@code kms}. */
        @WithDefault("local")
        String kind();

        /** The local key file. */
        @WithDefault("${user.home}/.lifeboat/master.key")
        Path file();

        /** The KMS key id, ARN or alias. */
        Optional<String> kmsKeyId();

        /** The KMS region. */
        Optional<String> kmsRegion();

        /** A KMS endpoint override. */
        Optional<URI> kmsEndpoint();
    }

    /** Pipeline settings, {@code lifeboat.agent.pipeline.*}. */
    interface Pipeline {

        /** zstd compression level (1 fast .. 19 small). */
        @WithDefault("3")
        int zstdLevel();

        /**
         * zstd worker threads; empty = one per core, a negative number leaves that many cores free (at least one
         * worker), so that a process the backup depends on keeps a core (a Redis fork serialising its RDB).
         */
        Optional<Integer> zstdWorkers();

        /** The pipeline settings these values give. */
        default PipelineSettings settings() {
            int cores = PipelineSettings.defaults().zstdWorkers();
            int workers = zstdWorkers().map(n -> n < 0 ? Math.max(1, cores + n) : n).orElse(cores);
            return PipelineSettings.defaults().withZstd(zstdLevel(), workers).withPartSize(partSize());
        }

        /** Stored bytes per artifact part. */
        @WithDefault("67108864")
        long partSize();
    }
}
