package io.lifeboat.cli;

import java.nio.file.Path;
import java.util.List;

/** The Lifeboat service applications the local stack can run, with the HTTP port each listens on by default. */
public final class ServiceCatalog {

    /** One service: its module directory name and its default HTTP port. */
    public record Service(String name, int defaultPort) {

        /** The packaged Quarkus application of this service under the repository root {@code home}. */
        public Path jar(Path home) {
            return home.resolve(name).resolve("target/quarkus-app/quarkus-run.jar");
        }
    }

    /** Every service, in start order: the catalog first, so that its state is there when the others report. */
    public static final List<Service> ALL = List.of(
            new Service("catalog-service", 8086),
            new Service("scheduler-service", 8081),
            new Service("pg-agent", 8082),
            new Service("redis-agent", 8083),
            new Service("mongo-agent", 8084),
            new Service("fs-agent", 8085),
            new Service("health-monitor", 8087),
            new Service("dr-orchestrator", 8088));

    private ServiceCatalog() {
    }

    /** The service called {@code name}, or an error listing the known names. */
    public static Service byName(String name) {
        return ALL.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown service '" + name + "'; known services: "
                        + ALL.stream().map(Service::name).toList()));
    }
}
