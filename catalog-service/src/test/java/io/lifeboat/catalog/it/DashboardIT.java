package io.lifeboat.catalog.it;

import static io.lifeboat.catalog.testing.Facts.completed;
import static io.lifeboat.catalog.testing.Facts.failed;
import static io.lifeboat.catalog.testing.Facts.gap;
import static io.lifeboat.catalog.testing.Facts.policy;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.lifeboat.catalog.testing.DrFacts;
import io.lifeboat.catalog.testing.Facts;
import io.lifeboat.testkit.browser.HeadlessChromium;
import io.lifeboat.testkit.kafka.KafkaBroker;
import io.lifeboat.testkit.process.Await;
import io.lifeboat.testkit.quarkus.KafkaResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The dashboard in a real headless Chromium: the page served at {@code /} polls the query API and shows every
 * target's row with its status and RPO lag, and the DR timeline's runs with their kind, state, steps and outcome; a
 * screenshot of it is kept in {@code target/dashboard/}.
 */
@QuarkusTest
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(CatalogTestResource.class)
class DashboardIT {

    private static final KafkaBroker BROKER = KafkaBroker.shared();
    private static final Path SCREENSHOT = Path.of("target", "dashboard", "dashboard.png");

    @TestHTTPResource("/")
    URL page;

    @Test
    void showsEveryTargetWithItsStatusAndLagAndTheDrTimelineInABrowser() throws IOException {
        HeadlessChromium.requireInstalled();
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String fresh = "dash-db-" + suffix;
        String failing = "dash-failing-" + suffix;
        String stalled = "dash-stalled-" + suffix;
        String loose = "dash-loose-" + suffix;
        Instant now = Instant.now();
        CatalogKafka.send(BROKER.bootstrapServers(),
                policy(fresh, Duration.ofMinutes(5), Facts.KEEP_MUCH, now.minus(Duration.ofHours(1))),
                completed(fresh, "f1", now.minusSeconds(60)),
                policy(failing, Duration.ofHours(6), Facts.KEEP_MUCH, now.minus(Duration.ofDays(1))),
                completed(failing, "g1", now.minus(Duration.ofHours(3))),
                failed(failing, "g2", now.minus(Duration.ofMinutes(10))),
                gap(failing, now.minus(Duration.ofMinutes(5))),
                policy(stalled, Duration.ofSeconds(2), Facts.KEEP_MUCH, now), completed(stalled, "s1", now),
                completed(loose, "l1", now.minus(Duration.ofMinutes(20))));
        // Their own target, so that the failover's note cannot change the statuses asserted below.
        String promoted = "dash-pg-" + suffix;
        String failover = "failover-" + suffix;
        String drill = "drill-" + suffix;
        CatalogKafka.send(BROKER.bootstrapServers(),
                DrFacts.failoverCompletedRun(promoted, failover, now.minus(Duration.ofMinutes(3))),
                DrFacts.failoverCompleted(promoted, failover, now.minus(Duration.ofMinutes(3))),
                DrFacts.drillAwaitingApproval(promoted, drill, now.minus(Duration.ofMinutes(1))));
        Await.until("the DR runs in the API", Duration.ofSeconds(60),
                () -> drOutcomes(failover, drill).size() == 2, () -> "DR runs so far: " + drOutcomes(failover, drill));
        Map<String, String> expected = Map.of(fresh, "GREEN", failing, "AMBER", stalled, "RED", loose,
                "UNPROTECTED");
        Await.until("the dashboard's targets in the API", Duration.ofSeconds(60),
                () -> expected.equals(statuses(expected)), () -> "statuses so far: " + statuses(expected));

        HeadlessChromium.Output dom = HeadlessChromium.dumpDom(page);

        String context = "DOM of " + page + ":\n" + dom.stdout() + "\nchromium stderr:\n" + dom.stderr();
        expected.forEach((target, status) -> {
            Matcher row = row(dom.stdout(), target);
            assertThat(row.find()).as("row of %s in the %s", target, context).isTrue();
            assertThat(attribute(row.group(1), "data-status")).as("status of %s in the %s", target, context)
                    .isEqualTo(status);
        });
        Matcher row = row(dom.stdout(), fresh);
        assertThat(row.find()).isTrue();
        Matcher lag = Pattern.compile("class=\"lag[^\"]*\">([^<]*)<").matcher(row.group(2));
        assertThat(lag.find()).as("lag cell of %s in the %s", fresh, context).isTrue();
        assertThat(lag.group(1)).as("lag of %s", fresh).matches("\\d+[dhms]( \\d+[dhms])? of 5m");
        Matcher failoverRow = drRow(dom.stdout(), failover);
        assertThat(failoverRow.find()).as("DR timeline row of %s in the %s", failover, context).isTrue();
        assertThat(attribute(failoverRow.group(1), "data-kind")).isEqualTo("failover");
        assertThat(attribute(failoverRow.group(1), "data-state")).isEqualTo("COMPLETED");
        assertThat(failoverRow.group(2)).as("cells of %s", failover)
                .contains("class=\"dr-kind dr-kind-failover\">failover<",
                        "class=\"dr-state dr-state-COMPLETED\">completed<",
                        "promoted pg-b in 2.1 s, ~0 bytes lost", promoted)
                .containsPattern("class=\"dr-step dr-step-done\"[^>]*>\u2713 promote-standby<");
        Matcher drillRow = drRow(dom.stdout(), drill);
        assertThat(drillRow.find()).as("DR timeline row of %s in the %s", drill, context).isTrue();
        assertThat(attribute(drillRow.group(1), "class")).isEqualTo("awaiting");
        assertThat(attribute(drillRow.group(1), "data-kind")).isEqualTo("drill");
        assertThat(attribute(drillRow.group(1), "data-state")).isEqualTo("AWAITING_APPROVAL");
        assertThat(drillRow.group(2)).as("cells of %s", drill)
                .contains("class=\"dr-awaiting\">awaiting approval: restore-into-scratch<")
                .containsPattern("class=\"dr-step dr-step-waiting current\"[^>]*>\u25cb restore-into-scratch<");
        assertThat(dom.stdout().indexOf("data-run-id=\"" + drill + "\""))
                .as("the newer drill is listed before the failover").isLessThan(failoverRow.start());
        assertThat(dom.stdout()).as("the error banner stays hidden in the %s", context)
                .containsPattern("<div id=\"error\"[^>]*\\shidden");

        HeadlessChromium.screenshot(page, SCREENSHOT);

        assertThat(SCREENSHOT).exists();
        assertThat(Files.size(SCREENSHOT)).as("size of %s", SCREENSHOT.toAbsolutePath()).isGreaterThan(10_000L);
    }

    private static Map<String, String> statuses(Map<String, String> targets) {
        List<Map<String, Object>> all = given().get("/api/targets").then().extract().jsonPath().getList("$");
        return all.stream().filter(t -> targets.containsKey((String) t.get("targetId")))
                .collect(java.util.stream.Collectors.toMap(t -> (String) t.get("targetId"),
                        t -> (String) t.get("status")));
    }

    /** Outcome summaries of the named runs as {@code /api/dr/runs} lists them. */
    private static Map<String, String> drOutcomes(String... runIds) {
        List<Map<String, Object>> runs = given().get("/api/dr/runs?limit=200").then().extract().jsonPath()
                .getList("$");
        List<String> wanted = List.of(runIds);
        return runs.stream().filter(r -> wanted.contains((String) r.get("runId")))
                .collect(java.util.stream.Collectors.toMap(r -> (String) r.get("runId"),
                        r -> String.valueOf(r.get("outcome"))));
    }

    /** The DR timeline row of a run: group 1 its opening tag's attributes, group 2 its cells. */
    private static Matcher drRow(String dom, String runId) {
        return Pattern.compile("<tr\\b([^>]*\\bdata-run-id=\"" + Pattern.quote(runId) + "\"[^>]*)>(.*?)</tr>",
                Pattern.DOTALL).matcher(dom);
    }

    /** The row of a target: group 1 its opening tag's attributes, group 2 its cells. */
    private static Matcher row(String dom, String target) {
        return Pattern.compile("<tr\\b([^>]*\\bdata-target=\"" + Pattern.quote(target) + "\"[^>]*)>(.*?)</tr>",
                Pattern.DOTALL).matcher(dom);
    }

    private static String attribute(String attributes, String name) {
        Matcher value = Pattern.compile("\\b" + Pattern.quote(name) + "=\"([^\"]*)\"").matcher(attributes);
        return value.find() ? value.group(1) : null;
    }
}
