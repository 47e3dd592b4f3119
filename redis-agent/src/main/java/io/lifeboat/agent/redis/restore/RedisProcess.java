package io.lifeboat.agent.redis.restore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.lifeboat.agent.redis.engine.RedisAccessException;
import io.lifeboat.agent.redis.engine.RedisAdmin;

/**
 * A redis-server started on a directory holding {@code dump.rdb}: as a child of the agent (verification scratch
 * servers, stopped afterwards) or daemonised (a restored instance that outlives the agent), with the source's
 * encoding parameters so that values load in the encodings they were saved in. Persistence stays off: the restored
 * data is the RDB, until its operator configures otherwise.
 */
final class RedisProcess implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(50);

    private final Process child;
    private final Path dir;
    private final RedisAdmin admin;

    private RedisProcess(Process child, Path dir, RedisAdmin admin) {
        this.child = child;
        this.dir = dir;
        this.admin = admin;
    }

    /**
     * Starts the server and waits until it has loaded the RDB.
     *
     * @param daemonize true for a server that keeps running after the agent stops
     */
    static RedisProcess start(Path binary, Path dir, String bind, int port, boolean daemonize,
            Map<String, String> encoding, Duration loadTimeout) throws IOException, RedisAccessException {
        if (!Files.isExecutable(binary)) {
            throw new IOException("redis-server not found at " + binary
                    + " (lifeboat.redis.restore.server-binary): install it with 'apt-get install -y redis-server'");
        }
        Path log = dir.resolve("redis.log");
        List<String> command = new ArrayList<>(List.of(binary.toString(), "--port", String.valueOf(port), "--bind",
                bind, "--dir", dir.toString(), "--dbfilename", "dump.rdb", "--appendonly", "no", "--save", "",
                "--logfile", log.toString(), "--daemonize", daemonize ? "yes" : "no"));
        if (daemonize) {
            command.addAll(List.of("--pidfile", dir.resolve("redis.pid").toString()));
        }
        encoding.forEach((name, value) -> command.addAll(List.of("--" + name, value)));
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("redis.out").toFile())).start();
        if (daemonize) {
            awaitExit(process, log);
        }
        String host = bind.equals("0.0.0.0") || bind.contains(" ") ? "127.0.0.1" : bind;
        RedisAdmin admin = awaitLoaded(host, port, daemonize ? null : process, log, loadTimeout);
        return new RedisProcess(daemonize ? null : process, dir, admin);
    }

    /** The connection to the started server. */
    RedisAdmin admin() {
        return admin;
    }

    /** The directory the server runs in. */
    Path dir() {
        return dir;
    }

    /** Stops a child server (SHUTDOWN NOSAVE, then the process); a daemonised server is only disconnected from. */
    @Override
    public void close() {
        if (child != null) {
            admin.shutdownNoSave();
        }
        admin.close();
        if (child != null) {
            child.destroy();
            try {
                child.waitFor();
            } catch (InterruptedException e) {
                child.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    /** A daemonising redis-server forks and exits 0 at once; anything else is a failed start. */
    private static void awaitExit(Process process, Path log) throws IOException {
        try {
            int exit = process.waitFor();
            if (exit != 0) {
                throw new IOException("redis-server exited with status " + exit + " while starting: " + tail(log));
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while starting redis-server", e);
        }
    }

    private static RedisAdmin awaitLoaded(String host, int port, Process child, Path log, Duration timeout)
            throws IOException, RedisAccessException {
        Instant deadline = Instant.now().plus(timeout);
        Exception last = null;
        while (Instant.now().isBefore(deadline)) {
            if (child != null && !child.isAlive()) {
                throw new IOException("redis-server on port " + port + " exited with status " + child.exitValue()
                        + " before it had loaded the RDB: " + tail(log));
            }
            try {
                RedisAdmin admin = RedisAdmin.connect(host, port, null, null, Duration.ofSeconds(2),
                        Duration.ofSeconds(10), "restored redis-server " + host + ":" + port);
                if (loaded(admin)) {
                    return admin;
                }
                admin.close();
            } catch (RedisAccessException e) {
                last = e;
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for redis-server on port " + port, e);
            }
        }
        if (child != null) {
            child.destroyForcibly();
        }
        throw new IOException("redis-server on port " + port + " did not finish loading within " + timeout
                + " (lifeboat.redis.restore.load-timeout); last error: " + last + "; " + tail(log));
    }

    private static boolean loaded(RedisAdmin admin) {
        try {
            return "0".equals(admin.info("persistence").get("loading"));
        } catch (RedisAccessException e) {
            return false;
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return "log " + log + ":\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 15),
                    lines.size()));
        } catch (IOException e) {
            return "no log at " + log;
        }
    }
}
