package io.lifeboat.agentkit.agent.health;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import io.lifeboat.agentkit.agent.runner.BackupRunner;
import io.lifeboat.agentkit.storage.ArtifactLayout;
import io.lifeboat.agentkit.storage.ObjectStore;

/**
 * Readiness of the agent skeleton: the object store answers, and the runner is not stuck (no unwritten outcome, no
 * backup beyond its time limit). The Kafka connector reports the broker connection itself.
 */
@Readiness
@ApplicationScoped
public class AgentReadinessCheck implements HealthCheck {

    /** A store that does not answer within this, retries included, is unreachable for readiness. */
    static final Duration STORE_PATIENCE = Duration.ofSeconds(5);

    @Inject
    ObjectStore store;

    @Inject
    ArtifactLayout layout;

    @Inject
    BackupRunner runner;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("lifeboat-agent")
                .withData("store", store.location())
                .withData("running", runner.running());
        try {
            // A manifest that never exists: the answer "absent" proves that the store is reachable and readable.
            store.stat(layout.manifest("lifeboat-readiness", "probe"), STORE_PATIENCE);
        } catch (Exception e) {
            return response.down().withData("problem", "object store " + store.location() + " unreachable: " + e)
                    .build();
        }
        String problem = runner.problem();
        return problem == null ? response.up().build() : response.down().withData("problem", problem).build();
    }
}
