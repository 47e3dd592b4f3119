package io.lifeboat.testkit.kafka;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

import io.lifeboat.testkit.process.ChildProcess;
import io.lifeboat.testkit.process.LogTail;

/**
 * A node of a forked cluster: its server runs in a child JVM ({@link KafkaNodeMain}) on the node's properties file,
 * so that it can be killed with SIGKILL like a crashed machine's broker, and started again on the same ports and data.
 */
final class ForkedKafkaNode implements KafkaNodeRunner {

    static final String MAX_HEAP = "512m";
    /** A controlled shutdown moves leaderships first; a node whose quorum is gone would wait much longer. */
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);

    private final KafkaNode node;
    private final Path properties;
    private final Path log;
    private ChildProcess process;

    /** Writes the node's settings to {@code dir/server.properties}; its output goes to {@code dir/server.log}. */
    ForkedKafkaNode(KafkaNode node, Properties settings, Path dir) {
        this.node = node;
        this.properties = dir.resolve("server.properties");
        this.log = dir.resolve("server.log");
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("unable to create the directory of Kafka node " + node.nodeId() + ": "
                    + dir + ": " + e.getMessage(), e);
        }
        try (OutputStream out = Files.newOutputStream(properties)) {
            settings.store(out, "Kafka node " + node.nodeId() + " of a forked test cluster");
        } catch (IOException e) {
            throw new UncheckedIOException("unable to write the settings of Kafka node " + node.nodeId() + " to "
                    + properties + ": " + e.getMessage(), e);
        }
    }

    /**
     * The child JVM's command line: this JVM's java and class path, a small heap, JBoss LogManager as JUL manager (as
     * the embedded nodes log), and the parent's pid, whose end the child follows.
     */
    static List<String> command(Path javaHome, String classPath, long parentPid, Path properties) {
        return List.of(javaHome.resolve("bin").resolve("java").toString(), "-Xmx" + MAX_HEAP,
                "-XX:+ExitOnOutOfMemoryError", "-Djava.util.logging.manager=org.jboss.logmanager.LogManager",
                "-D" + KafkaNodeMain.PARENT_PID + "=" + parentPid, "-cp", classPath, KafkaNodeMain.class.getName(),
                properties.toString());
    }

    @Override
    public void start() {
        if (process != null) {
            throw new IllegalStateException("Kafka node " + node.nodeId() + " runs already as " + process);
        }
        process = ChildProcess.start("Kafka node " + node.nodeId(), command(Path.of(System.getProperty("java.home")),
                System.getProperty("java.class.path"), ProcessHandle.current().pid(), properties),
                properties.getParent(), log);
    }

    @Override
    public void stop() {
        if (process != null) {
            ChildProcess stopping = process;
            process = null;
            stopping.stop(STOP_GRACE);
        }
    }

    /** SIGKILL: no controlled shutdown, no flush, no goodbye to the quorum. */
    void kill() {
        if (process != null) {
            ChildProcess killed = process;
            process = null;
            killed.kill();
        }
    }

    @Override
    public boolean running() {
        return process != null;
    }

    Path log() {
        return log;
    }

    /**
     * Waits until the node accepts clients on its broker port and, asked there, sees {@code brokers} registered
     * brokers (a KRaft broker serves clients only once it has caught up with the metadata and is unfenced).
     *
     * @throws IllegalStateException when the child JVM exits or the deadline passes, with its log's tail
     */
    void awaitServing(int brokers, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        // The port first: an admin client polling a port nobody listens on yet logs a warning per attempt.
        while (!accepts()) {
            pause(deadline, brokers, "its broker port is closed");
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, node.bootstrapAddress(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                10_000))) {
            while (true) {
                String seen;
                try {
                    int size = admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).size();
                    if (size >= brokers) {
                        return;
                    }
                    seen = "it sees " + size + " brokers";
                } catch (ExecutionException | TimeoutException e) {
                    seen = "it does not answer yet (" + e + ")";
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for Kafka node " + node.nodeId(), e);
                }
                pause(deadline, brokers, seen);
            }
        }
    }

    private boolean accepts() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", node.brokerPort()), 1_000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private void pause(long deadline, int brokers, String state) {
        ChildProcess current = process;
        if (current == null || !current.isAlive()) {
            throw new IllegalStateException("Kafka node " + node.nodeId() + " (" + (current == null
                    ? "not started"
                    : current + " exited") + ") while waiting for " + brokers + " brokers; its log " + log + ":\n"
                    + LogTail.of(log, 30));
        }
        if (System.nanoTime() > deadline) {
            throw new IllegalStateException("Kafka node " + node.nodeId() + " (" + current + ") does not serve "
                    + brokers + " brokers in time: " + state + "; its log " + log + ":\n" + LogTail.of(log, 30));
        }
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Kafka node " + node.nodeId(), e);
        }
    }
}
