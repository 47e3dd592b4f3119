package io.lifeboat.testkit.process;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Decides whether a fixture may come from a Testcontainers container: only when {@code LIFEBOAT_TESTKIT} (or
 * {@code -Dlifeboat.testkit}) is not {@code embedded}, the Testcontainers module is on the class path and a Docker
 * engine answers. The cheap checks come first so that a machine without Docker pays neither a delay nor a log line.
 */
public final class DockerEngine {

    private DockerEngine() {
    }

    /** Whether a container built from {@code containerClass} (a Testcontainers class name) can be started. */
    public static boolean usable(String containerClass) {
        String mode = System.getProperty("lifeboat.testkit", System.getenv("LIFEBOAT_TESTKIT"));
        if ("embedded".equalsIgnoreCase(mode) || !hinted() || !onClassPath(containerClass)) {
            return false;
        }
        try {
            return org.testcontainers.DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    private static boolean hinted() {
        String home = System.getProperty("user.home");
        return System.getenv("DOCKER_HOST") != null
                || Files.exists(Path.of("/var/run/docker.sock"))
                || Files.exists(Path.of(home, ".docker", "run", "docker.sock"))
                || Files.exists(Path.of(home, ".testcontainers.properties"));
    }

    private static boolean onClassPath(String className) {
        try {
            Class.forName(className, false, DockerEngine.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
