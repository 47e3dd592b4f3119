package io.lifeboat.testkit.redis;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.lifeboat.testkit.process.Await;
import io.lifeboat.testkit.process.ChildProcess;
import io.lifeboat.testkit.process.FreePorts;
import io.lifeboat.testkit.process.JvmExit;
import io.lifeboat.testkit.process.LogTail;
import io.lifeboat.testkit.process.TempDirs;

/**
 * A real redis-server from the OS packages, a child of this JVM on a free 127.0.0.1 port with its own temp
 * {@code dir} (where BGSAVE writes dump.rdb); no RDB save points unless configured; {@link #close()} stops it and
 * deletes the dir.
 */
public final class RedisServer implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(RedisServer.class.getName());
    private static final int BIND_ATTEMPTS = 3;
    private static RedisServer shared;

    private final Path dir;
    private final ChildProcess process;
    private final int port;
    private final boolean isShared;
    private final Runnable onExit;

    private RedisServer(Path dir, ChildProcess process, int port, boolean isShared) {
        this.dir = dir;
        this.process = process;
        this.port = port;
        this.isShared = isShared;
        this.onExit = () -> {
            process.stop(Duration.ofSeconds(2));
            TempDirs.deleteRecursively(dir);
        };
        JvmExit.register(onExit);
    }

    /** Starts a new server with {@link RedisOptions#defaults()}. */
    public static RedisServer start() {
        return start(RedisOptions.defaults());
    }

    /** Starts a new server and waits until it answers PING. */
    public static RedisServer start(RedisOptions options) {
        return start(options, false);
    }

    /** The server shared by everything in this JVM; started on first use, stopped at JVM exit, never by close(). */
    public static synchronized RedisServer shared() {
        if (shared == null || !shared.process.isAlive()) {
            shared = start(RedisOptions.defaults(), true);
        }
        return shared;
    }

    private static RedisServer start(RedisOptions options, boolean isShared) {
        long begin = System.nanoTime();
        Path binary = RedisBinary.locate(options);
        Path dir = TempDirs.create("lifeboat-redis-");
        Path log = dir.resolve("redis.log");
        for (int attempt = 1;; attempt++) {
            int port = FreePorts.find();
            Path conf = writeConfig(dir, port, options);
            ChildProcess process = ChildProcess.start("redis-server on port " + port, List.of(binary.toString(),
                    conf.toString()), dir, log);
            try {
                Await.until("redis-server on 127.0.0.1:" + port + " to answer PING", options.startTimeout(),
                        () -> answersPing(port) || !process.isAlive(),
                        () -> "log " + log + ":\n" + LogTail.of(log, 30));
            } catch (IllegalStateException e) {
                process.stop(Duration.ZERO);
                TempDirs.deleteRecursively(dir);
                throw e;
            }
            if (process.isAlive()) {
                LOG.log(System.Logger.Level.INFO, "redis-server started on 127.0.0.1:{0} in {1} ms (dir {2})",
                        String.valueOf(port), String.valueOf((System.nanoTime() - begin) / 1_000_000), dir);
                return new RedisServer(dir, process, port, isShared);
            }
            process.stop(Duration.ZERO);
            String tail = LogTail.of(log, 30);
            if (!tail.contains("Address already in use") || attempt == BIND_ATTEMPTS) {
                TempDirs.deleteRecursively(dir);
                throw new IllegalStateException("redis-server " + binary + " exited during start on 127.0.0.1:" + port
                        + "; log " + log + ":\n" + tail);
            }
        }
    }

    public String host() {
        return "127.0.0.1";
    }

    public int port() {
        return port;
    }

    /** {@code redis://127.0.0.1:<port>}. */
    public String uri() {
        return "redis://" + host() + ":" + port;
    }

    /** The server's working directory: redis.conf, redis.log and, after a save, dump.rdb. */
    public Path dir() {
        return dir;
    }

    /** The server's log (its stdout and stderr). */
    public Path logFile() {
        return process.log();
    }

    /** Stops the server and deletes its dir; a no-op on {@link #shared()} (stopped at JVM exit instead). */
    @Override
    public void close() {
        if (isShared) {
            return;
        }
        JvmExit.cancel(onExit);
        process.close();
        TempDirs.deleteRecursively(dir);
    }

    private static Path writeConfig(Path dir, int port, RedisOptions options) {
        List<String> lines = new ArrayList<>(List.of(
                "bind 127.0.0.1",
                "port " + port,
                // Loopback only, so protected mode would add nothing but refusals when requirepass is not set.
                "protected-mode no",
                "daemonize no",
                "supervised no",
                "dir \"" + dir + "\"",
                "logfile \"\"",
                "save \"\"",
                "appendonly no",
                "dbfilename dump.rdb"));
        lines.addAll(options.config());
        Path conf = dir.resolve("redis.conf");
        try {
            Files.write(conf, lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("unable to write Redis config " + conf + ": " + e.getMessage(), e);
        }
        return conf;
    }

    /** Any reply but -LOADING means the server is serving; -NOAUTH counts, since requirepass may be configured. */
    private static boolean answersPing(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            socket.setSoTimeout(1000);
            socket.getOutputStream().write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            StringBuilder text = new StringBuilder();
            for (int b = in.read(); b != -1 && b != '\n' && text.length() < 64; b = in.read()) {
                text.append((char) b);
            }
            return text.indexOf("+") == 0 || (text.indexOf("-") == 0 && text.indexOf("-LOADING") != 0);
        } catch (IOException e) {
            return false;
        }
    }
}
