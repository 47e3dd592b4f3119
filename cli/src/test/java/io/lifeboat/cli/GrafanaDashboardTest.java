package io.lifeboat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * Keeps {@code deploy/grafana/lifeboat-dashboard.json} and {@code deploy/prometheus/lifeboat-rules.yaml} to metrics
 * that exist: the services' exports ({@link #EXPORTS}, whose Micrometer names must appear in the services' code), the
 * rules' own recording rules, and the few series from outside Lifeboat listed in {@link #EXTERNAL}.
 */
class GrafanaDashboardTest {

    private static final Path HOME = Path.of("..").toAbsolutePath().normalize();
    private static final Path DASHBOARD = HOME.resolve("deploy/grafana/lifeboat-dashboard.json");
    private static final Path RULES = HOME.resolve("deploy/prometheus/lifeboat-rules.yaml");

    /** Micrometer meter name, as the code registers it, to the Prometheus series it is scraped as. */
    static final Map<String, List<String>> EXPORTS = Map.ofEntries(
            // catalog-service: metrics/CatalogMetrics
            Map.entry("lifeboat.rpo.lag.seconds", List.of("lifeboat_rpo_lag_seconds")),
            Map.entry("lifeboat.rpo.seconds", List.of("lifeboat_rpo_seconds")),
            Map.entry("lifeboat.rpo.breached", List.of("lifeboat_rpo_breached")),
            Map.entry("lifeboat.backup.age.seconds", List.of("lifeboat_backup_age_seconds")),
            Map.entry("lifeboat.last.success.timestamp.seconds", List.of("lifeboat_last_success_timestamp_seconds")),
            Map.entry("lifeboat.restorable.window.seconds", List.of("lifeboat_restorable_window_seconds")),
            Map.entry("lifeboat.drill.restore.seconds", List.of("lifeboat_drill_restore_seconds")),
            Map.entry("lifeboat.drill.rto.seconds", List.of("lifeboat_drill_rto_seconds")),
            Map.entry("lifeboat.drill.passed", List.of("lifeboat_drill_passed")),
            Map.entry("lifeboat.drill.completed.timestamp.seconds",
                    List.of("lifeboat_drill_completed_timestamp_seconds")),
            // agent-kit: agent/metrics/BackupMetrics (a timer, a distribution summary, a counter, a gauge)
            Map.entry("lifeboat.backup.duration", List.of("lifeboat_backup_duration_seconds_count",
                    "lifeboat_backup_duration_seconds_sum", "lifeboat_backup_duration_seconds_max")),
            Map.entry("lifeboat.backup.bytes", List.of("lifeboat_backup_bytes_count", "lifeboat_backup_bytes_sum",
                    "lifeboat_backup_bytes_max")),
            Map.entry("lifeboat.backup.failures", List.of("lifeboat_backup_failures_total")),
            Map.entry("lifeboat.backups.running", List.of("lifeboat_backups_running")),
            Map.entry("lifeboat.verifications", List.of("lifeboat_verifications_total")),
            // health-monitor: metrics/HealthMetrics
            Map.entry("lifeboat.health.status", List.of("lifeboat_health_status")),
            Map.entry("lifeboat.health.consecutive.failures", List.of("lifeboat_health_consecutive_failures")),
            Map.entry("lifeboat.health.last.round.timestamp.seconds",
                    List.of("lifeboat_health_last_round_timestamp_seconds")),
            Map.entry("lifeboat.health.probe.up", List.of("lifeboat_health_probe_up")),
            Map.entry("lifeboat.health.probe.latency.seconds", List.of("lifeboat_health_probe_latency_seconds")),
            Map.entry("lifeboat.health.replication.lag.seconds", List.of("lifeboat_health_replication_lag_seconds")),
            // scheduler-service: metrics/SchedulerMetrics
            Map.entry("lifeboat.scheduler.last.slot.timestamp.seconds",
                    List.of("lifeboat_scheduler_last_slot_timestamp_seconds")),
            Map.entry("lifeboat.scheduler.next.run.timestamp.seconds",
                    List.of("lifeboat_scheduler_next_run_timestamp_seconds")),
            // dr-orchestrator: metrics/DrMetrics
            Map.entry("lifeboat.dr.acting", List.of("lifeboat_dr_acting")),
            Map.entry("lifeboat.dr.run.status", List.of("lifeboat_dr_run_status")),
            Map.entry("lifeboat.dr.run.started.timestamp.seconds",
                    List.of("lifeboat_dr_run_started_timestamp_seconds")),
            // pg-agent: wal/ArchiveMetrics and cdc/ChangeCapture
            Map.entry("lifeboat.archive.lag.bytes", List.of("lifeboat_archive_lag_bytes")),
            Map.entry("lifeboat.archive.lag.seconds", List.of("lifeboat_archive_lag_seconds")),
            Map.entry("lifeboat.archive.timeline", List.of("lifeboat_archive_timeline")),
            Map.entry("lifeboat.archive.progress.reports", List.of("lifeboat_archive_progress_reports_total")),
            Map.entry("lifeboat.archive.failures", List.of("lifeboat_archive_failures_total")),
            Map.entry("lifeboat.cdc.changes", List.of("lifeboat_cdc_changes_total")),
            Map.entry("lifeboat.cdc.source.commit.time", List.of("lifeboat_cdc_source_commit_time")));

    /**
     * Series from outside Lifeboat's code: Prometheus's own, node_exporter's (the backup store's disk) and the
     * per-target backup SLAs an operator declares in the rules' {@code lifeboat-sla} group.
     */
    static final Set<String> EXTERNAL = Set.of("up", "ALERTS", "node_filesystem_avail_bytes",
            "node_filesystem_size_bytes", "lifeboat:backup_duration_sla_seconds");

    private static final Set<String> PROMQL_WORDS = Set.of("sum", "min", "max", "avg", "count", "stddev", "stdvar",
            "topk", "bottomk", "quantile", "count_values", "group", "by", "without", "on", "ignoring", "group_left",
            "group_right", "and", "or", "unless", "offset", "bool", "rate", "irate", "increase", "delta", "idelta",
            "changes", "resets", "abs", "clamp_min", "clamp_max", "vector", "scalar", "time", "timestamp",
            "max_over_time", "min_over_time", "avg_over_time", "sum_over_time", "count_over_time", "last_over_time",
            "histogram_quantile", "label_replace", "label_join", "absent", "absent_over_time", "sort", "sort_desc",
            "round", "ceil", "floor", "deriv", "predict_linear", "label_values", "inf", "nan");
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_:][A-Za-z0-9_:]*");
    private static final Pattern GROUPING = Pattern.compile(
            "\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void everyPanelQueriesTheDatasourceVariable() throws IOException {
        JsonNode dashboard = json.readTree(DASHBOARD.toFile());

        assertThat(dashboard.path("schemaVersion").asInt()).isEqualTo(39);
        assertThat(dashboard.path("uid").asText()).isNotBlank();
        List<JsonNode> variables = new ArrayList<>();
        dashboard.path("templating").path("list").forEach(variables::add);
        assertThat(variables).anySatisfy(v -> {
            assertThat(v.path("type").asText()).isEqualTo("datasource");
            assertThat(v.path("name").asText()).isEqualTo("datasource");
            assertThat(v.path("query").asText()).isEqualTo("prometheus");
        });
        List<JsonNode> panels = panels(dashboard).filter(p -> !"row".equals(p.path("type").asText())).toList();
        assertThat(panels).isNotEmpty();
        Set<Integer> ids = new TreeSet<>();
        for (JsonNode panel : panels) {
            String title = panel.path("title").asText();
            assertThat(ids.add(panel.path("id").asInt())).as("unique id of %s", title).isTrue();
            assertThat(panel.path("datasource").path("uid").asText()).as("datasource of %s", title)
                    .isEqualTo("${datasource}");
            assertThat(panel.path("targets").size()).as("queries of %s", title).isPositive();
            panel.path("targets").forEach(t -> {
                assertThat(t.path("expr").asText()).as("a query of %s", title).isNotBlank();
                assertThat(t.path("datasource").path("uid").asText()).as("a query of %s", title)
                        .isEqualTo("${datasource}");
            });
        }
    }

    @Test
    void dashboardShowsWhatTheAlertsWatch() throws IOException {
        Set<String> used = new TreeSet<>();
        dashboardExpressions(json.readTree(DASHBOARD.toFile())).forEach(e -> used.addAll(metrics(e)));

        assertThat(used).contains("lifeboat_rpo_lag_seconds", "lifeboat_rpo_seconds",
                "lifeboat_backup_duration_seconds_max", "lifeboat_backup_bytes_sum", "lifeboat_backup_failures_total",
                "lifeboat_drill_restore_seconds", "lifeboat_drill_rto_seconds", "lifeboat_archive_lag_seconds",
                "lifeboat_verifications_total", "lifeboat_health_status", "lifeboat_health_replication_lag_seconds",
                "lifeboat_dr_run_status", "lifeboat_dr_acting", "lifeboat_scheduler_next_run_timestamp_seconds");
    }

    @Test
    void dashboardNamesOnlyKnownMetrics() throws IOException {
        Set<String> known = known();
        List<String> expressions = dashboardExpressions(json.readTree(DASHBOARD.toFile()));

        assertThat(expressions).isNotEmpty();
        for (String expression : expressions) {
            assertThat(known).as("metrics of dashboard query %s", expression).containsAll(metrics(expression));
        }
    }

    @Test
    void rulesNameOnlyKnownMetrics() throws IOException {
        Set<String> known = known();
        for (JsonNode rule : rules()) {
            String expression = rule.path("expr").asText();
            assertThat(known).as("metrics of rule %s", rule.has("alert")
                    ? rule.path("alert").asText()
                    : rule.path("record").asText()).containsAll(metrics(expression));
        }
    }

    @Test
    void everyExportIsRegisteredByTheCode() throws IOException {
        Set<String> names = new TreeSet<>();
        try (Stream<Path> files = Files.walk(HOME)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")
                    && f.toString().contains("/src/main/java/")).toList()) {
                Matcher m = Pattern.compile("\"(lifeboat(\\.[a-z]+)+)\"").matcher(Files.readString(file));
                while (m.find()) {
                    names.add(m.group(1));
                }
            }
        }
        assertThat(names).as("Micrometer names registered in src/main/java").containsAll(EXPORTS.keySet());
    }

    private Set<String> known() throws IOException {
        Set<String> known = new TreeSet<>(EXTERNAL);
        EXPORTS.values().forEach(known::addAll);
        for (JsonNode rule : rules()) {
            if (rule.has("record")) {
                known.add(rule.path("record").asText());
            }
        }
        return known;
    }

    private static List<JsonNode> rules() throws IOException {
        List<JsonNode> rules = new ArrayList<>();
        new YAMLMapper().readTree(RULES.toFile()).path("groups").forEach(g -> g.path("rules").forEach(rules::add));
        assertThat(rules).isNotEmpty();
        return rules;
    }

    private static List<String> dashboardExpressions(JsonNode dashboard) {
        List<String> expressions = new ArrayList<>();
        panels(dashboard).forEach(p -> p.path("targets").forEach(t -> {
            if (t.hasNonNull("expr")) {
                expressions.add(t.path("expr").asText());
            }
        }));
        dashboard.path("templating").path("list").forEach(v -> {
            if ("query".equals(v.path("type").asText())) {
                JsonNode query = v.path("query");
                expressions.add(query.isTextual() ? query.asText() : query.path("query").asText());
            }
        });
        return expressions;
    }

    private static Stream<JsonNode> panels(JsonNode dashboard) {
        List<JsonNode> all = new ArrayList<>();
        dashboard.path("panels").forEach(p -> {
            all.add(p);
            p.path("panels").forEach(all::add);
        });
        return all.stream();
    }

    /** The metric names in a PromQL expression (or a Grafana {@code label_values(metric, label)}). */
    static Set<String> metrics(String expression) {
        String e = expression.replaceAll("\"(\\\\.|[^\"\\\\])*\"", "\"\"") // string literals
                .replaceAll("\\{[^}]*}", " ") // label matchers
                .replaceAll("\\[[^]]*]", " ") // ranges
                .replaceAll("\\$\\{?[A-Za-z_]+}?", " "); // Grafana variables
        e = GROUPING.matcher(e).replaceAll(" ");
        e = e.replaceAll("label_values\\s*\\(([^,)]*),[^)]*\\)", "$1");
        Set<String> names = new LinkedHashSet<>();
        Matcher m = IDENTIFIER.matcher(e);
        while (m.find()) {
            String word = m.group();
            boolean number = m.start() > 0 && Character.isDigit(e.charAt(m.start() - 1));
            if (!number && !PROMQL_WORDS.contains(word.toLowerCase())) {
                names.add(word);
            }
        }
        return names;
    }
}
