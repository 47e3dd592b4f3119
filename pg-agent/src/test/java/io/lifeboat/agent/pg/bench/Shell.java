package io.lifeboat.agent.pg.bench;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs the benchmarks' external commands (pgbench, pgBackRest, pg_ctl, zstd) and fails with their error output. */
final class Shell {

    private Shell() {
    }

    /** {@code command} run as the {@code postgres} OS account (pgBackRest and pg_ctl refuse root). */
    static List<String> asPostgres(String... command) {
        List<String> all = new ArrayList<>(List.of("runuser", "-u", "postgres", "--"));
        all.addAll(List.of(command));
        return all;
    }

    /** Runs to completion and returns standard output; a non-zero exit fails with the end of standard error. */
    static String run(List<String> command, Map<String, String> env) throws IOException, InterruptedException {
        Path out = Files.createTempFile("lifeboat-bench-", ".out");
        Path err = Files.createTempFile("lifeboat-bench-", ".err");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile())
                    .redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .directory(new File("/tmp"));
            builder.environment().putAll(env);
            int exit = builder.start().waitFor();
            if (exit != 0) {
                String error = Files.readString(err, StandardCharsets.UTF_8);
                throw new IOException(String.join(" ", command) + " exited with " + exit + ": "
                        + error.substring(Math.max(0, error.length() - 2000)));
            }
            return Files.readString(out, StandardCharsets.UTF_8);
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    static String run(List<String> command) throws IOException, InterruptedException {
        return run(command, Map.of());
    }

    /** Runs {@code script} with bash, e.g. a pipeline; fails like {@link #run}. */
    static String bash(String script, Map<String, String> env) throws IOException, InterruptedException {
        return run(List.of("bash", "-o", "pipefail", "-c", script), env);
    }

    /** Seconds since {@code startNanos}. */
    static double since(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    /** The load averages, for every figure printed ("load 1.52 1.70 1.80"). */
    static String load() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return "load " + parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return "load ?";
        }
    }

    /** Deletes a tree, ignoring what is already gone. */
    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var walk = Files.walk(root)) {
            for (Path path : walk.sorted((a, b) -> b.compareTo(a)).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    /** Sum of the sizes of the regular files under {@code root}. */
    static long treeBytes(Path root) throws IOException {
        try (var walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    /** Number of regular files under {@code root}. */
    static long fileCount(Path root) throws IOException {
        try (var walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).count();
        }
    }
}
