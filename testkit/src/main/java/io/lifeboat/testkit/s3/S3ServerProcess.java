package io.lifeboat.testkit.s3;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The test kit's S3 server in a JVM of its own, for benchmarks whose CPU and heap must be told apart from the
 * server's: {@link #with} starts it and hands {@code [S3, endpoint, accessKey, secretKey, region]} to the body;
 * {@link #main} is the child, which prints that line and stops when its stdin closes.
 */
public final class S3ServerProcess {

    private S3ServerProcess() {
    }

    /** Work done against the server. */
    @FunctionalInterface
    public interface Body<R> {
        /** Runs with the printed line's fields: {@code S3 endpoint accessKey secretKey region}. */
        R apply(String[] endpoint) throws Exception;
    }

    /** Starts a server JVM with bucket {@code bucket} on this JVM's class path, runs {@code body}, stops it. */
    public static <R> R with(String bucket, Body<R> body) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process server = new ProcessBuilder(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                S3ServerProcess.class.getName(), bucket).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            BufferedReader lines = new BufferedReader(
                    new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
            String line;
            while ((line = lines.readLine()) != null && !line.startsWith("S3 ")) {
                // Skipping anything the server prints before its address.
            }
            if (line == null) {
                throw new IOException("the S3 server process ended before printing its endpoint");
            }
            return body.apply(line.split(" "));
        } finally {
            server.getOutputStream().close();
            server.waitFor();
        }
    }

    /** Starts the server, creates bucket {@code args[0]}, and serves until stdin ends. */
    public static void main(String[] args) throws Exception {
        try (S3Server server = S3Server.start()) {
            server.createBucket(args[0]);
            System.out.println("S3 " + server.endpoint() + " " + server.accessKey() + " " + server.secretKey() + " "
                    + server.region());
            System.out.flush();
            while (System.in.read() >= 0) {
                // Serving until the parent closes the pipe (or dies).
            }
        }
    }
}
