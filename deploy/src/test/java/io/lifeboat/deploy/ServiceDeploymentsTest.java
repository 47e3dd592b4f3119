package io.lifeboat.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;

/**
 * Every service module runs as a Deployment of its image with both health probes and resource bounds, behind a
 * Service on its HTTP port, with as many replicas as its role needs.
 */
class ServiceDeploymentsTest {

    private static final Map<String, Integer> PORTS = ServiceModules.ports();

    @Test
    void theEightServiceModulesAreFound() {
        assertThat(PORTS).containsOnlyKeys(ServiceModules.REPLICAS.keySet()).containsEntry("catalog-service", 8086)
                .containsEntry("scheduler-service", 8081).containsEntry("dr-orchestrator", 8088);
    }

    @Test
    void everyServiceRunsItsImageOnItsPortWithTheReplicasItsRoleNeeds() {
        PORTS.forEach((service, port) -> {
            Deployment deployment = Environments.deployment(service);
            Container container = Environments.container(service);

            assertThat(deployment.getSpec().getReplicas()).as("%s replicas", service)
                    .isEqualTo(ServiceModules.REPLICAS.get(service));
            assertThat(container.getImage()).isEqualTo("lifeboat/" + service + ":0.1.0");
            assertThat(container.getPorts()).as("%s ports", service).singleElement()
                    .satisfies(p -> assertThat(p.getContainerPort()).isEqualTo(port));
            assertThat(deployment.getSpec().getTemplate().getMetadata().getLabels()).as("%s pod labels", service)
                    .containsAllEntriesOf(deployment.getSpec().getSelector().getMatchLabels());
        });
    }

    @Test
    void everyServiceHasALivenessAndAReadinessProbeOnQuarkusHealth() {
        PORTS.keySet().forEach(service -> {
            Container container = Environments.container(service);

            assertProbe(service + " liveness", container.getLivenessProbe(), "/q/health/live");
            assertProbe(service + " readiness", container.getReadinessProbe(), "/q/health/ready");
        });
    }

    private static void assertProbe(String what, Probe probe, String path) {
        assertThat(probe).as(what).isNotNull();
        assertThat(probe.getHttpGet().getPath()).as(what).isEqualTo(path);
        assertThat(probe.getHttpGet().getPort()).as(what).isEqualTo(new IntOrString("http"));
    }

    @Test
    void everyContainerRequestsAndLimitsCpuAndMemory() {
        PORTS.keySet().forEach(service -> {
            Container container = Environments.container(service);

            assertThat(container.getResources().getRequests()).as("%s requests", service).containsKeys("cpu",
                    "memory");
            assertThat(container.getResources().getLimits()).as("%s limits", service).containsKeys("cpu", "memory");
        });
    }

    @Test
    void everyServiceIsReachableThroughAServiceOnItsPort() {
        PORTS.forEach((service, port) -> {
            Service resource = (Service) StrictModels.parse(Manifests.applied("Service", service));
            Deployment deployment = Environments.deployment(service);

            assertThat(resource.getSpec().getSelector()).as("%s selector", service)
                    .isEqualTo(deployment.getSpec().getSelector().getMatchLabels());
            assertThat(resource.getSpec().getPorts()).as("%s ports", service).singleElement().satisfies(p -> {
                assertThat(p.getPort()).isEqualTo(port);
                assertThat(p.getTargetPort()).isEqualTo(new IntOrString("http"));
            });
        });
    }

    @Test
    void healthMonitorsAreSpreadOneToANode() {
        Deployment monitors = Environments.deployment("health-monitor");

        assertThat(monitors.getSpec().getTemplate().getSpec().getTopologySpreadConstraints()).singleElement()
                .satisfies(c -> {
                    assertThat(c.getTopologyKey()).isEqualTo("kubernetes.io/hostname");
                    assertThat(c.getWhenUnsatisfiable()).isEqualTo("DoNotSchedule");
                    assertThat(c.getMaxSkew()).isEqualTo(1);
                });
    }
}
