package io.lifeboat.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import io.lifeboat.cli.story.DemoStory;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The embedded default stack behind {@code ./lifeboat demo}: starts the servers and the Lifeboat services, prints
 * where everything is, tells the demo's story on it ({@link DemoStory}; {@code --script} without a browser, exiting
 * with its verdict) and stops it all cleanly on Ctrl-C (SIGINT) or SIGTERM.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, description = "Runs Kafka, PostgreSQL, Redis, an S3 object store, MongoDB and the Lifeboat services.")
public final class LocalStack implements Callable<Integer> {

    @Option(names = "--home", required = true, description = "The Lifeboat repository root.")
    Path home;

    @Option(names = "--services", split = ",", description = "Services to run (default: all of them).")
    List<String> services;

    @Option(names = "--no-services", description = "Run only the servers, not the Lifeboat services.")
    boolean noServices;

    @Option(names = "--script", description = "Tell the story without a browser and exit: 0 if every chapter "
            + "passed, 1 otherwise.")
    boolean script;

    @Option(names = "--keep-running", description = "With --script: keep the stack running after the story until "
            + "Ctrl-C.")
    boolean keepRunning;

    @Option(names = "--no-story", description = "Only run the stack; tell no story.")
    boolean noStory;

    private final List<ServiceProcess> running = new ArrayList<>();
    private StackInfrastructure infra;
    private boolean stoppedOnce;

    /** Runs the stack until the JVM is asked to stop. */
    public static void main(String[] args) {
        System.exit(new CommandLine(new LocalStack()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stop();
            stopped.countDown();
        }, "lifeboat-stop"));
        long t0 = System.nanoTime();
        say("starting Kafka, PostgreSQL, Redis, the object store and MongoDB ...");
        infra = StackInfrastructure.start();
        if (!noServices) {
            startServices();
        }
        writeStackFile();
        printSummary(Duration.ofNanos(System.nanoTime() - t0));
        boolean everyService = running.stream().map(p -> p.service().name()).toList()
                .containsAll(ServiceCatalog.ALL.stream().map(ServiceCatalog.Service::name).toList());
        if (script && (noStory || !everyService)) {
            say("--script tells the story, which needs every service: drop --no-story, --no-services and --services");
            stop();
            return 2;
        }
        if (noStory || !everyService) {
            stopped.await();
            return 0;
        }
        if (!script) {
            Dashboard.open(url("catalog-service") + "/");
        }
        boolean passed = DemoStory.of(List.of(StackInfrastructure.DEMO_PG_TARGET, StackInfrastructure.DEMO_REDIS_TARGET,
                StackInfrastructure.DEMO_MONGO_TARGET, StackInfrastructure.DEMO_FILES_TARGET), infra.postgres(),
                infra.standby(), infra.restorePort(), url("catalog-service"), url("scheduler-service"),
                infra.bootstrapServers(), System.out).tell();
        if (script && !keepRunning) {
            stop();
            return passed ? 0 : 1;
        }
        say("the story is over; the stack keeps running: " + url("catalog-service") + "/ is the dashboard, "
                + "'./lifeboat targets' and the other verbs work against it. Press Ctrl-C to stop everything.");
        stopped.await();
        return passed ? 0 : 1;
    }

    private String url(String service) {
        return running.stream().filter(p -> p.service().name().equals(service)).findFirst()
                .orElseThrow(() -> new IllegalStateException(service + " is not running")).url();
    }

    private void startServices() throws Exception {
        Path logDir = home.resolve(".lifeboat/logs");
        List<ServiceCatalog.Service> chosen = services == null
                ? ServiceCatalog.ALL
                : services.stream().map(ServiceCatalog::byName).toList();
        for (ServiceCatalog.Service service : chosen) {
            int port = Ports.freeOr(service.defaultPort());
            running.add(ServiceProcess.start(home, service, port, infra.serviceConfig(home), logDir));
        }
        say("starting " + running.size() + " services (logs in " + logDir + ") ...");
        for (ServiceProcess process : running) {
            process.awaitReady(Duration.ofSeconds(120));
        }
    }

    private void writeStackFile() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put(StackFile.BOOTSTRAP, infra.bootstrapServers());
        for (ServiceProcess process : running) {
            if (process.service().name().equals("catalog-service")) {
                values.put(StackFile.CATALOG, process.url());
            } else if (process.service().name().equals("scheduler-service")) {
                values.put(StackFile.SCHEDULER, process.url());
            }
        }
        StackFile.write(home, values);
    }

    private void printSummary(Duration took) {
        StringBuilder out = new StringBuilder("\nLifeboat is up (" + took.toSeconds() + " s)\n\n");
        String dashboard = null;
        infra.endpoints().forEach((name, where) -> out.append(String.format("  %-20s %s%n", name, where)));
        for (ServiceProcess process : running) {
            out.append(String.format("  %-20s %s/q/health  (pid %d)%n", process.service().name(), process.url(),
                    process.pid()));
            if (process.service().name().equals("catalog-service")) {
                dashboard = process.url() + "/";
            }
        }
        if (dashboard != null) {
            out.append(String.format("%n  %-20s %s%n", "Dashboard", dashboard));
        }
        out.append("\nPress Ctrl-C to stop everything.\n");
        System.out.println(out);
        System.out.flush();
    }

    private synchronized void stop() {
        if (stoppedOnce) {
            return;
        }
        stoppedOnce = true;
        say("stopping ...");
        StackFile.remove(home);
        for (int i = running.size() - 1; i >= 0; i--) {
            try {
                running.get(i).close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        running.clear();
        if (infra != null) {
            infra.close();
            infra = null;
        }
        say("stopped cleanly");
    }

    private static void say(String message) {
        System.out.println("lifeboat: " + message);
        System.out.flush();
    }
}
