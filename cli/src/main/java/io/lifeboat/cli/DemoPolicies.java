package io.lifeboat.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The protection policies of the demo's four targets, written as the scheduler's start-up policy file: short
 * schedules so that backups, verifications and RPO lag show within minutes. The file is rewritten on every start, so
 * a changed demo changes the policies; the REST API or {@code DefinePolicy} commands change them while it runs.
 */
final class DemoPolicies {

    private static final String POLICIES = """
            # The demo's policies, read by the scheduler at start-up (lifeboat.scheduler.policy-file).
            policies:
              - targetId: %s
                engine: postgres
                tier: tier_1
                connectionRef: config://lifeboat.pg.targets.%1$s
                schedules:
                  - backupType: FULL
                    cron: "*/10 * * * *"
                continuousArchiving: true
                rpo: 5m
                rto: 15m
                retention: {keepLast: 6, daily: 7}
                verificationCron: "*/30 * * * *"
                scheduling: {staggerWindow: 1m}
              - targetId: %s
                engine: redis
                tier: tier_2
                connectionRef: config://lifeboat.redis.targets.%2$s
                schedules:
                  - backupType: SNAPSHOT
                    cron: "*/5 * * * *"
                rpo: 10m
                rto: 30m
                retention: {keepLast: 12}
                scheduling: {staggerWindow: 1m}
              - targetId: %s
                engine: mongodb
                tier: tier_2
                connectionRef: config://lifeboat.mongo.targets.%3$s
                schedules:
                  - backupType: LOGICAL
                    cron: "*/15 * * * *"
                continuousArchiving: true
                rpo: 5m
                rto: 30m
                retention: {keepLast: 4}
                scheduling: {staggerWindow: 1m}
              - targetId: %s
                engine: filesystem
                tier: tier_3
                connectionRef: config://lifeboat.fs.targets.%4$s
                schedules:
                  - backupType: INCREMENTAL
                    cron: "*/5 * * * *"
                rpo: 10m
                rto: 1h
                retention: {keepLast: 12}
                scheduling: {staggerWindow: 1m}
            """;

    private DemoPolicies() {
    }

    /** Writes the policy file to {@code file} and returns it. */
    static Path write(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, POLICIES.formatted(StackInfrastructure.DEMO_PG_TARGET,
                StackInfrastructure.DEMO_REDIS_TARGET, StackInfrastructure.DEMO_MONGO_TARGET,
                StackInfrastructure.DEMO_FILES_TARGET));
    }
}
