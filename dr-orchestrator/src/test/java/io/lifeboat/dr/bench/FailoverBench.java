package io.lifeboat.dr.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.lifeboat.testkit.kafka.KafkaBroker;

/**
 * The Lifeboat side of {@code ./lifeboat bench failover}: per run a real PostgreSQL 15 primary and streaming
 * standby, one packaged health-monitor probing the primary and one packaged DR orchestrator failing the target over
 * automatically; the primary's node is lost (every process of its data directory SIGKILLed together) under a write
 * load, and the time until the standby accepts a write and the acknowledged inserts it lacks are measured. Prints a
 * line per run, then {@code RESULT lifeboat runs=.. p50_s=.. max_s=.. lost_tx_max=..}. Run from the repository
 * root, after packaging health-monitor and dr-orchestrator.
 */
public final class FailoverBench {

    private FailoverBench() {
    }

    /**
     * Runs the bench.
     *
     * @param args [number of runs, default 10]
     * @throws Exception when a run cannot be set up or the standby never accepts writes
     */
    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        for (Path jar : List.of(FailoverRun.MONITOR_JAR, FailoverRun.ORCHESTRATOR_JAR)) {
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException(jar.toAbsolutePath() + " is missing: run from the repository root "
                        + "after './mvnw -pl health-monitor,dr-orchestrator -am package -DskipTests'");
            }
        }
        BenchSettings settings = BenchSettings.defaults();
        System.out.printf("lifeboat failover: %d runs; 1 health-monitor (quorum 1 of 1; production runs 3), "
                + "interval %d ms, probe timeout %d ms, %d failed rounds to unhealthy; orchestrator tick %d ms, "
                + "step timeout %d ms%n", runs, settings.monitorInterval().toMillis(),
                settings.probeTimeout()
                        .toMillis(),
                BenchSettings.FAILURES_TO_UNHEALTHY, settings.tick().toMillis(), settings
                        .stepTimeout().toMillis());
        List<RunResult> results = new ArrayList<>();
        try (KafkaBroker broker = KafkaBroker.start()) {
            BenchKafka.createTopics(broker);
            FailoverRun run = new FailoverRun(broker, settings);
            for (int n = 1; n <= runs; n++) {
                RunResult result = run.run(n);
                System.out.println(result.line());
                results.add(result);
            }
        }
        System.out.println(BenchSummary.of(results).resultLine());
        // The embedded broker and the driver leave non-daemon threads behind.
        System.exit(0);
    }
}
