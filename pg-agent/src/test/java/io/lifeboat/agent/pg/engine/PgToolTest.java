package io.lifeboat.agent.pg.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import io.lifeboat.testkit.process.Await;

class PgToolTest {

    private static final PgTarget TARGET = new PgTarget("t1", "127.0.0.1", 5432, "postgres", "app",
            Optional.of("pw"), Path.of("/bin"), Optional.empty());

    @Test
    void killsTheToolAndReportsTheCancellationWhenTheBackupThreadIsInterruptedWhileNothingFlows() throws Exception {
        AtomicReference<Thread> worker = new AtomicReference<>();
        CompletableFuture<Long> run = CompletableFuture.supplyAsync(() -> {
            worker.set(Thread.currentThread());
            try {
                return new PgTool(TARGET, "sleep", List.of("600")).streamTo(OutputStream.nullOutputStream());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, task -> new Thread(task, "pg-tool-test-backup").start());
        Await.until("the tool to start", Duration.ofSeconds(30), () -> sleeping().isPresent(), () -> "");
        ProcessHandle tool = sleeping().orElseThrow();

        worker.get().interrupt();

        assertThatThrownBy(run::get).isInstanceOf(ExecutionException.class)
                .hasRootCauseInstanceOf(InterruptedIOException.class).hasMessageContaining("sleep of target 't1'");
        assertThat(tool.isAlive()).isFalse();
    }

    @Test
    void failsWithTheExitCodeAndTheLastErrorLinesNamingTheTarget() {
        PgTool tool = new PgTool(TARGET, "sh", List.of("-c", "echo one >&2; echo two >&2; exit 3"));

        assertThatThrownBy(() -> tool.streamTo(new ByteArrayOutputStream()))
                .hasMessage("sh of target 't1' (app@127.0.0.1:5432/postgres) exited with code 3: one | two");
    }

    @Test
    void passesThePasswordInTheEnvironmentAndNotOnTheCommandLine() throws Exception {
        PgTool tool = new PgTool(TARGET, "sh", List.of("-c", "printf %s \"$PGPASSWORD\""));
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        tool.streamTo(out);

        assertThat(out.toString()).isEqualTo("pw");
        assertThat(tool.commandLine()).doesNotContain("pw");
    }

    private static Optional<ProcessHandle> sleeping() {
        return ProcessHandle.current().children()
                .filter(p -> p.info().command().map(c -> c.endsWith("/sleep")).orElse(false)).findFirst();
    }
}
