package io.lifeboat.events;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * The id a service instance signs its events with when none is configured (a health monitor's monitorId, a DR
 * orchestrator's owner): {@code <hostname>-<pid>}, unique among the instances running at one time.
 */
public final class ServiceInstance {

    private ServiceInstance() {
    }

    /**
     * Returns the default id of this process.
     *
     * @return {@code <hostname>-<pid>}
     */
    public static String defaultId() {
        return hostname() + "-" + ProcessHandle.current().pid();
    }

    private static String hostname() {
        String fromEnv = Optional.ofNullable(System.getenv("HOSTNAME")).orElse("");
        if (!fromEnv.isBlank()) {
            return fromEnv.strip();
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            // The JVM's name is "<pid>@<host>" on every common JVM; it needs no name resolution.
            String jvm = ManagementFactory.getRuntimeMXBean().getName();
            return jvm.contains("@") ? jvm.substring(jvm.indexOf('@') + 1) : "localhost";
        }
    }
}
