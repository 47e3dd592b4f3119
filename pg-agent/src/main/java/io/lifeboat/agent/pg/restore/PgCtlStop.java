package io.lifeboat.agent.pg.restore;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;

/**
 * Stops the server of a discarded scratch directory with {@code pg_ctl stop}, as the server's OS account: first
 * {@code -m fast}, and {@code -m immediate} when that does not end it (nobody needs a clean shutdown checkpoint of a
 * directory about to be removed, but a fast stop lets clients see a proper termination).
 */
final class PgCtlStop implements ScratchReaper.ServerStop {

    private static final String WAIT_SECONDS = "60";

    @Override
    public void stop(ScratchDiscard discard) throws IOException, InterruptedException {
        if (!Files.exists(discard.dataDir().resolve("postmaster.pid"))) {
            return;
        }
        try {
            pgCtl(discard, "fast");
        } catch (IOException fast) {
            try {
                pgCtl(discard, "immediate");
            } catch (IOException immediate) {
                // pg_ctl also fails on a stale postmaster.pid whose server is long gone: that is stopped enough.
                if (RestoredServer.postmaster(discard.dataDir()).isPresent()) {
                    throw new IOException("the server on " + discard.dataDir() + " keeps running: pg_ctl stop -m "
                            + "fast: " + fast.getMessage() + "; -m immediate: " + immediate.getMessage(), immediate);
                }
            }
        }
    }

    private static void pgCtl(ScratchDiscard discard, String mode) throws IOException, InterruptedException {
        new OsCommand(discard.osUser(), List.of(discard.pgCtl().toString(), "-D", discard.dataDir().toString(), "-m",
                mode, "-w", "-t", WAIT_SECONDS, "stop")).run();
    }
}
