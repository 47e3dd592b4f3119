package io.lifeboat.testkit.postgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Loses a PostgreSQL node the way a machine dies: the postmaster of a data directory and every process it started
 * get SIGKILL together, so none of them shuts down cleanly or restarts the others.
 */
public final class NodeLoss {

    private NodeLoss() {
    }

    /**
     * Kills every process of the server of {@code dataDir} with SIGKILL.
     *
     * @return how many processes were killed
     */
    public static int kill(Path dataDir) {
        long postmaster = postmasterPid(dataDir);
        ProcessHandle root = ProcessHandle.of(postmaster).orElseThrow(() -> new IllegalStateException(
                "the postmaster " + postmaster + " of " + dataDir + " is not running"));
        // The whole tree is listed before the first signal: a postmaster killed first cannot fork anything new.
        List<ProcessHandle> all = new ArrayList<>();
        all.add(root);
        root.descendants().forEach(all::add);
        all.forEach(ProcessHandle::destroyForcibly);
        return all.size();
    }

    /** The postmaster's pid: the first line of {@code postmaster.pid}. */
    private static long postmasterPid(Path dataDir) {
        Path pidFile = dataDir.resolve("postmaster.pid");
        try {
            return Long.parseLong(Files.readAllLines(pidFile).get(0).strip());
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("unable to read the postmaster's pid from " + pidFile + ": " + e, e);
        }
    }
}
