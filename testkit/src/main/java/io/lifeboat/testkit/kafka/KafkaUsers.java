package io.lifeboat.testkit.kafka;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.errors.SaslAuthenticationException;

/** SCRAM users of an embedded broker: created through the admin API, as {@code kafka-configs.sh} does. */
final class KafkaUsers {

    private static final int ITERATIONS = 4096;

    private KafkaUsers() {
    }

    /** Creates or replaces the SCRAM-SHA-512 credential of {@code user}. */
    static void upsert(Admin admin, String user, String password) {
        try {
            admin.alterUserScramCredentials(List.of(new UserScramCredentialUpsertion(user,
                    new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, ITERATIONS), password))).all().get();
        } catch (ExecutionException e) {
            // The password is never part of the message: only the user and the broker's reason.
            throw new IllegalStateException("unable to create SCRAM user '" + user + "': "
                    + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating SCRAM user '" + user + "'", e);
        }
    }

    /** Waits until a client configured with {@code client} authenticates, at most {@code patience}. */
    static void awaitAuthentication(Map<String, String> client, String user, Duration patience) {
        Map<String, Object> config = new HashMap<>(client);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000);
        Instant deadline = Instant.now().plus(patience);
        try {
            while (!authenticates(config, user, deadline)) {
                Thread.sleep(100);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for SCRAM user '" + user + "'", e);
        }
    }

    private static boolean authenticates(Map<String, Object> config, String user, Instant deadline)
            throws InterruptedException {
        try (Admin admin = Admin.create(config)) {
            admin.describeCluster().clusterId().get();
            return true;
        } catch (ExecutionException e) {
            // Until the broker has applied the new credential from the metadata log, it refuses the user.
            if (e.getCause() instanceof SaslAuthenticationException && Instant.now().isBefore(deadline)) {
                return false;
            }
            throw new IllegalStateException("SCRAM user '" + user + "' cannot authenticate at "
                    + config.get(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG) + ": " + e.getCause().getMessage(),
                    e.getCause());
        }
    }
}
