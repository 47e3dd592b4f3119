package io.lifeboat.scheduler.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.lifeboat.testkit.kafka.KafkaBroker;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Points the packaged scheduler at the JVM's shared broker, with a fresh state directory, no stagger, and a policy
 * file defining target {@code file-db} at start-up.
 */
public class SchedulerTestResource implements QuarkusTestResourceLifecycleManager {

    /** The policy file the scheduler reads at start-up. */
    static final String POLICY_FILE = """
            policies:
              - targetId: file-db
                engine: postgres
                tier: tier_2
                connectionRef: vault://lifeboat/file-db
                schedules:
                  - backupType: FULL
                    cron: "0 2 * * *"
                continuousArchiving: true
                verificationCron: "0 3 * * *"
            """;

    @Override
    public Map<String, String> start() {
        String bootstrap = KafkaBroker.shared().bootstrapServers();
        try {
            Path dir = Files.createTempDirectory("scheduler-it-");
            Path file = Files.writeString(dir.resolve("policies.yaml"), POLICY_FILE);
            return Map.of("kafka.bootstrap.servers", bootstrap, "quarkus.kafka-streams.bootstrap-servers", bootstrap,
                    "kafka-streams.state.dir", dir.resolve("state").toString(),
                    "lifeboat.scheduler.policy-file", file.toString(), "lifeboat.scheduler.stagger-window", "0s",
                    "lifeboat.scheduler.metrics-refresh", "1s");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        // The broker is shared by every test of the JVM; a shutdown hook stops it.
    }
}
