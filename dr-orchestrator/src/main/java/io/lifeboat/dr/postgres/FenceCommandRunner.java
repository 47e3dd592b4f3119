package io.lifeboat.dr.postgres;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Runs a {@link FenceCommand} to completion or its timeout, capturing its output; never throws. */
final class FenceCommandRunner {

    /** Output kept in results: the end, where the error usually is. */
    static final int KEPT_OUTPUT = 4000;

    private FenceCommandRunner() {
    }

    static CommandOutcome run(FenceCommand fence) {
        Path output = null;
        try {
            output = Files.createTempFile("lifeboat-fence-", ".log");
            // Output goes to a file rather than a pipe, so a chatty command cannot block on a full pipe.
            ProcessBuilder builder = new ProcessBuilder(fence.command()).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            if (fence.workDir() != null) {
                builder.directory(fence.workDir().toFile());
            }
            Process process = builder.start();
            if (!process.waitFor(fence.timeout().toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                return new CommandOutcome(fence.command(), -1, true, tail(output));
            }
            return new CommandOutcome(fence.command(), process.exitValue(), false, tail(output));
        } catch (IOException e) {
            return new CommandOutcome(fence.command(), -1, false, "unable to start: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new CommandOutcome(fence.command(), -1, false, "interrupted while waiting for the command");
        } finally {
            if (output != null) {
                output.toFile().delete();
            }
        }
    }

    private static String tail(Path output) throws IOException {
        String text = Files.readString(output, StandardCharsets.UTF_8);
        return text.length() <= KEPT_OUTPUT ? text : text.substring(text.length() - KEPT_OUTPUT);
    }
}
