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

import io.lifeboat.catalog.testing.Facts;
import io.lifeboat.testkit.kafka.KafkaBroker;
import io.lifeboat.testkit.process.Await;
import io.lifeboat.testkit.quarkus.KafkaResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The dashboard in a real headless Chromium: the page served at {@code /} polls the query API and shows every
 * target's row with its status and RPO lag; a screenshot of it is kept in {@code target/dashboard/}.
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
    void showsEveryTargetWithItsStatusAndLagInABrowser() throws IOException {
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
