package io.lifeboat.cli;

import static io.lifeboat.cli.Launcher.HOME;
import static io.lifeboat.cli.Launcher.field;
import static io.lifeboat.cli.Launcher.listening;
import static io.lifeboat.cli.Launcher.status;
import static io.lifeboat.cli.Launcher.verb;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import io.lifeboat.cli.Launcher.Launched;
import io.lifeboat.cli.story.DemoStory;
import io.lifeboat.testkit.browser.HeadlessChromium;

/**
 * Runs {@code ./lifeboat demo --script --keep-running} as CI does: the whole story must pass within 10 minutes;
 * then, against the stack it leaves running, every operator verb through the launcher and the dashboard in headless
 * Chromium; finally Ctrl-C (SIGINT) must stop every service and server it started.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DemoIT {

    private static final Duration STORY_LIMIT = Duration.ofMinutes(10);
    private static final Pattern SERVICE_LINE = Pattern
            .compile("^\\s+(\\S+-\\S+)\\s+(http://127\\.0\\.0\\.1:\\d+)/q/health\\s+\\(pid (\\d+)\\)");
    private static final Pattern PORT_IN_URL = Pattern.compile("(?:127\\.0\\.0\\.1|localhost):(\\d+)");

    private static Process demo;
    private static final List<String> OUTPUT = new ArrayList<>();
    private static final BlockingQueue<String> LINES = new LinkedBlockingQueue<>();
    private static final List<String[]> SERVICES = new ArrayList<>();
    private static final List<Integer> SERVER_PORTS = new ArrayList<>();
    private static String storyVerdict;

    @BeforeAll
    static void runTheScriptedStory() throws Exception {
        ProcessBuilder builder = new ProcessBuilder(HOME.resolve("lifeboat").toString(), "demo", "--script",
                "--keep-running").directory(HOME.toFile()).redirectErrorStream(true);
        builder.environment().put("LIFEBOAT_NO_BUILD", "1");
        demo = builder.start();
        Thread pump = new Thread(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(demo.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    LINES.add(line);
                }
            } catch (IOException e) {
                LINES.add("(demo output unreadable: " + e.getMessage() + ")");
            }
        }, "demo-output");
        pump.setDaemon(true);
        pump.start();
        long giveUp = System.nanoTime() + STORY_LIMIT.toNanos();
        boolean listing = false;
        while (storyVerdict == null && System.nanoTime() < giveUp) {
            String line = LINES.poll(1, TimeUnit.SECONDS);
            if (line == null) {
                if (!demo.isAlive()) {
                    break;
                }
                continue;
            }
            OUTPUT.add(line);
            listing = line.startsWith("Lifeboat is up") || listing && !line.startsWith("Press Ctrl-C");
            Matcher service = SERVICE_LINE.matcher(line);
            if (service.find()) {
                SERVICES.add(new String[]{service.group(1), service.group(2), service.group(3)});
            } else if (listing && (line.contains("PostgreSQL target") || line.contains("PostgreSQL standby")
                    || line.contains("Redis target") || line.contains("Kafka broker"))) {
                Matcher port = PORT_IN_URL.matcher(line);
                if (port.find()) {
                    SERVER_PORTS.add(Integer.parseInt(port.group(1)));
                }
            }
            if (line.startsWith(DemoStory.LAST_LINE)) {
                storyVerdict = line;
            }
        }
    }

    @Test
    @Order(1)
    void theScriptedStoryPassesEveryChapterWithinTenMinutes() throws Exception {
        assertThat(storyVerdict).as("the story's last line within %s; demo output:\n%s", STORY_LIMIT, String.join(
                "\n", OUTPUT)).isEqualTo(DemoStory.LAST_LINE + " 5 of 5 chapters passed");
        assertThat(SERVICES).extracting(s -> s[0]).containsExactlyInAnyOrderElementsOf(
                ServiceCatalog.ALL.stream().map(ServiceCatalog.Service::name).toList());
        for (String[] service : SERVICES) {
            assertThat(status(service[1] + "/q/health/ready")).as(service[0]).isEqualTo(200);
        }
        assertThat(SERVER_PORTS).hasSize(4).allMatch(Launcher::listening);
        assertThat(StackFile.read(HOME, StackFile.CATALOG)).isPresent();
    }

    @Test
    @Order(2)
    void targetsListsTheFourDemoTargetsFoundThroughTheStackFile() {
        Launched table = verb("targets");
        assertThat(table.exit()).as(table.toString()).isZero();
        assertThat(table.out()).as(table.toString()).contains("TARGET", "demo-pg", "demo-redis", "demo-mongo",
                "demo-files");
        Launched json = verb("targets", "--json");
        assertThat(json.exit()).as(json.toString()).isZero();
        assertThat(json.out()).contains("\"targetId\" : \"demo-files\"", "\"engine\" : \"FILESYSTEM\"");
    }

    @Test
    @Order(3)
    void backupsShowsTheStoryBackupOfThePostgresTarget() {
        Launched backups = verb("backups", "demo-pg", "--json");
        assertThat(backups.exit()).as(backups.toString()).isZero();
        assertThat(backups.out()).as(backups.toString()).contains("\"type\" : \"FULL\"", "\"phase\" : "
                + "\"COMPLETED\"");
    }

    @Test
    @Order(4)
    void rpoShowsEveryTargetAndSaysABreachByItsExitCode() {
        Launched rpo = verb("rpo", "--json");
        assertThat(rpo.exit()).as(rpo.toString()).isIn(0, 3);
        assertThat(rpo.out()).contains("demo-pg", "demo-redis", "demo-mongo", "demo-files");
        assertThat(rpo.out().contains("\"breach\" : true")).as(rpo.toString()).isEqualTo(rpo.exit() == 3);
    }

    @Test
    @Order(5)
    void backupWaitsForANewRedisSnapshotAndDecryptListsIt() {
        Launched backup = verb("backup", "demo-redis", "--wait", "--json");
        assertThat(backup.exit()).as(backup.toString()).isZero();
        String backupId = field(backup.out(), "backupId");
        Launched listed = verb("decrypt", "--store", HOME.resolve(".lifeboat/store").toString(), "--key", HOME
                .resolve(".lifeboat/master.key").toString(), "--target", "demo-redis", "--list", "--json");
        assertThat(listed.exit()).as(listed.toString()).isZero();
        assertThat(listed.out()).as(listed.toString()).contains(backupId);
    }

    @Test
    @Order(6)
    void verifyChecksAStoredBackupThroughItsAgent() {
        Launched backups = verb("backups", "demo-mongo", "--json");
        String backupId = field(backups.out(), "backupId");
        Launched verify = verb("verify", backupId, "--timeout", "3m");
        assertThat(verify.exit()).as(verify.toString()).isZero();
        Launched json = verb("verify", backupId, "--target", "demo-mongo", "--timeout", "3m", "--json");
        assertThat(json.exit()).as(json.toString()).isZero();
        assertThat(json.out()).as(json.toString()).contains(backupId);
    }

    @Test
    @Order(7)
    void watchReplaysTheStoryFactsAndStopsAfterTheCount() {
        Launched watch = verb("watch", "--since", "30m", "--type", "BackupCompleted", "--count", "4", "--timeout",
                "60s", "--json");
        assertThat(watch.exit()).as(watch.toString()).isZero();
        assertThat(watch.out().lines().filter(l -> !l.isBlank())).as(watch.toString()).hasSize(4)
                .allMatch(l -> l.contains("\"type\":\"io.lifeboat.backup.completed.v1\""));
        Launched failover = verb("watch", "--since", "30m", "--target", "demo-pg", "--type", "FailoverCompleted",
                "--count", "1", "--timeout", "60s");
        assertThat(failover.exit()).as(failover.toString()).isZero();
        assertThat(failover.out()).as(failover.toString()).contains("FailoverCompleted", "demo-pg");
    }

    @Test
    @Order(8)
    void policyApplyChangesTheFilesScheduleAndPolicyListShowsIt(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("files-policy.yaml"), """
                policies:
                  - targetId: demo-files
                    engine: filesystem
                    tier: tier_3
                    connectionRef: config://lifeboat.fs.targets.demo-files
                    schedules:
                      - backupType: INCREMENTAL
                        cron: "*/7 * * * *"
                    rpo: 15m
                    rto: 1h
                    retention: {keepLast: 12}
                """);
        Launched dryRun = verb("policy", "apply", "-f", file.toString(), "--dry-run");
        assertThat(dryRun.exit()).as(dryRun.toString()).isZero();
        Launched apply = verb("policy", "apply", "-f", file.toString(), "--as", "demo-it");
        assertThat(apply.exit()).as(apply.toString()).isZero();
        assertThat(apply.out()).as(apply.toString()).contains("demo-files");
        io.lifeboat.testkit.process.Await.until("policy list shows the new schedule of demo-files",
                Duration.ofSeconds(30),
                () -> verb("policy", "list", "--json").out().contains("*/7 * * * *"), () -> verb("policy", "list")
                        .toString());
        Launched broken = verb("policy", "apply", "-f", Files.writeString(dir.resolve("broken.yaml"),
                "policies:\n  - targetId: demo-files\n    engine: filesystem\n    rpo: soon\n").toString());
        assertThat(broken.exit()).as(broken.toString()).isEqualTo(1);
        assertThat(broken.err() + broken.out()).as(broken.toString()).contains("demo-files");
    }

    @Test
    @Order(9)
    void restoreDryRunIsFollowedToItsEndThroughTheLauncher() {
        Launched restore = verb("restore", "demo-pg", "--latest-before", Instant.now().toString(), "--dry-run",
                "--wait", "--timeout", "2m", "--json");
        assertThat(restore.exit()).as(restore.toString()).isZero();
        assertThat(restore.out()).as(restore.toString()).contains("\"kind\" : \"RESTORE\"");
    }

    @Test
    @Order(10)
    void theDashboardShowsTheTargetsTheLiveLagAndTheFailoverInTheDrTimeline() throws Exception {
        HeadlessChromium.requireInstalled();
        URL page = URI.create(serviceUrl("catalog-service").orElseThrow() + "/").toURL();
        String first = HeadlessChromium.dumpDom(page).stdout();
        for (String target : List.of("demo-pg", "demo-redis", "demo-mongo", "demo-files")) {
            assertThat(first).as("the dashboard's DOM:\n%s", first).contains("data-target=\"" + target + "\"");
        }
        assertThat(first).as("the failover in the DR timeline:\n%s", first).containsPattern(
                "data-run-id=\"failover-[^\"]+\"[^>]*data-kind=\"failover\"[^>]*data-state=\"COMPLETED\"");
        assertThat(first).contains("data-kind=\"restore\"", "data-kind=\"drill\"");
        Thread.sleep(3_000);
        String second = HeadlessChromium.dumpDom(page).stdout();
        assertThat(lag(second, "demo-redis")).as("the lag of demo-redis moves between two loads").isNotEqualTo(
                lag(first, "demo-redis"));
        HeadlessChromium.screenshot(page, Path.of("target/dashboard/demo-dashboard.png"), 1280, 1700);
        assertThat(Path.of("target/dashboard/demo-dashboard.png")).isNotEmptyFile();
    }

    @Test
    @Order(11)
    void aManualFailoverDuringTheHoldDownIsRefusedWithItsReason() {
        Launched failover = verb("failover", "demo-pg", "--reason", "a second failover right after the first",
                "--wait", "--timeout", "2m");
        assertThat(failover.exit()).as(failover.toString()).isEqualTo(1);
        assertThat(failover.err()).as(failover.toString()).contains("refused", "hold-down");
    }

    @Test
    @Order(12)
    void noSecretOfTheDemoAppearsInAnEventALogLineOrAManifest() throws Exception {
        String bootstrap = StackFile.read(HOME, StackFile.BOOTSTRAP).orElseThrow();
        assertThat(SecretScan.ofDemo(HOME).inDemo(HOME, bootstrap, OUTPUT)).as("secrets found").isEmpty();
    }

    /** The text of a target's lag cell in a dumped dashboard. */
    private static String lag(String dom, String target) {
        Matcher row = Pattern.compile("data-target=\"" + target + "\".*?<div class=\"lag[^\"]*\">([^<]*)<",
                Pattern.DOTALL).matcher(dom);
        assertThat(row.find()).as("the lag of %s in\n%s", target, dom).isTrue();
        return row.group(1);
    }

    @AfterAll
    static void ctrlCStopsEverything() throws Exception {
        if (demo == null) {
            return;
        }
        try {
            new ProcessBuilder("kill", "-INT", Long.toString(demo.pid())).start().waitFor();
            assertThat(demo.waitFor(90, TimeUnit.SECONDS)).as("demo stops within 90 s of Ctrl-C").isTrue();
        } finally {
            demo.destroyForcibly();
        }
        Thread.sleep(500);
        LINES.drainTo(OUTPUT);
        assertThat(OUTPUT).as(String.join("\n", OUTPUT)).contains("lifeboat: stopped cleanly");
        for (String[] service : SERVICES) {
            assertThat(ProcessHandle.of(Long.parseLong(service[2])).map(ProcessHandle::isAlive).orElse(false))
                    .as("%s (pid %s) is gone", service[0], service[2]).isFalse();
        }
        assertThat(SERVER_PORTS).noneMatch(Launcher::listening);
        assertThat(StackFile.of(HOME)).as("the stack file goes with the stack").doesNotExist();
    }

    /** The URL of a running demo service, from the demo's start-up lines. */
    static Optional<String> serviceUrl(String name) {
        return SERVICES.stream().filter(s -> s[0].equals(name)).map(s -> s[1]).findFirst();
    }
}
