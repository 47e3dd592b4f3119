package io.lifeboat.agent.pg.bench;

import io.lifeboat.testkit.s3.S3Server;

/**
 * Runs the test kit's S3 server in a JVM of its own for the pg-backup benchmark, so that its CPU and heap are told
 * apart from the agent's: prints {@code S3 endpoint accessKey secretKey region} and stops when its stdin closes.
 */
public final class S3ServerProcess {

    private S3ServerProcess() {
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
