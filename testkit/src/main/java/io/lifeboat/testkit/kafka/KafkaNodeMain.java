package io.lifeboat.testkit.kafka;

import io.lifeboat.testkit.support.QuietLoggers;

/**
 * The main class of a forked cluster node's JVM: turns Kafka's loggers down to WARN as the embedded nodes do, then
 * runs Kafka's own launcher ({@code kafka.Kafka}, as {@code kafka-server-start.sh} does) on the node's properties
 * file, which starts one {@code KafkaRaftServer}, blocks until it stops and shuts it down in order on SIGTERM.
 */
public final class KafkaNodeMain {

    /** System property with the pid of the JVM that started this node; the node halts when that JVM is gone. */
    static final String PARENT_PID = "lifeboat.kafka.parent-pid";

    private KafkaNodeMain() {
    }

    /**
     * Runs one node until it is stopped, or until the JVM that started it ends.
     *
     * @param args the node's {@code server.properties}, its storage formatted already
     */
    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: KafkaNodeMain <server.properties>");
            System.exit(2);
        }
        followParent();
        QuietLoggers.warnOnly("kafka", "org.apache.kafka", "state.change.logger");
        kafka.Kafka.main(args);
    }

    /**
     * A parent killed with SIGKILL runs no shutdown hook to stop its children; so the child ends itself, as abruptly,
     * once the parent is gone: no orphan broker outlives a test run.
     */
    private static void followParent() {
        String parent = System.getProperty(PARENT_PID);
        if (parent == null) {
            return;
        }
        ProcessHandle.of(Long.parseLong(parent)).ifPresentOrElse(handle -> handle.onExit().thenRun(() -> {
            System.err.println("Kafka node: the JVM that started it (pid " + parent + ") is gone; halting");
            Runtime.getRuntime().halt(1);
        }), () -> Runtime.getRuntime().halt(1));
    }
}
