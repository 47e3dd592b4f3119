package io.lifeboat.dr.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import io.lifeboat.dr.service.FailoverExecutor;

/**
 * Ready once the executor has read the run log, resumed what it found and watches its targets: until then it has
 * seen no primary answering, so a failure would find no base for the data-loss estimate. Not ready again when
 * another instance fenced this one out.
 */
@Readiness
@ApplicationScoped
public class ExecutorReadiness implements HealthCheck {

    @Inject
    FailoverExecutor executor;

    @Override
    public HealthCheckResponse call() {
        String stopped = executor.stoppedBecause();
        return HealthCheckResponse.named("dr-executor").status(executor.acting())
                .withData("state", stopped != null ? "stopped: " + stopped : executor.acting() ? "acting" : "starting")
                .build();
    }
}
