package io.lifeboat.health.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

class ProbeFactoryTest {

    @Test
    void buildsEveryKindNamedForWhatItReaches() {
        Map<String, Map<String, String>> kinds = Map.of(
                "postgres", Map.of("url", "jdbc:postgresql://db.example:6543/app", "user", "lifeboat"),
                "redis", Map.of("address", "redis://cache.example:6380"),
                "mongodb", Map.of("uri", "mongodb://backup:secret@docs.example:27018/?authSource=admin"),
                "filesystem", Map.of("path", "/var/lib/lifeboat"),
                "http", Map.of("url", "https://api.example/health"),
                "tcp", Map.of("host", "broker.example", "port", "9092"),
                "host-memory", Map.of("host", "db-1"));
        Map<String, String> instances = Map.of(
                "postgres", "db.example:6543",
                "redis", "cache.example:6380",
                "mongodb", "docs.example:27018",
                "filesystem", "/var/lib/lifeboat",
                "http", "https://api.example/health",
                "tcp", "broker.example:9092",
                "host-memory", "db-1");

        assertThat(ProbeFactory.KINDS).containsExactlyInAnyOrderElementsOf(kinds.keySet());
        kinds.forEach((kind, options) -> {
            try (Probe probe = ProbeFactory.create("p-" + kind, kind, options)) {
                assertThat(probe.name()).isEqualTo("p-" + kind);
                assertThat(probe.instance()).as(kind).isEqualTo(instances.get(kind));
            }
        });
    }

    @Test
    void buildsAPostgresProbeFromHostPortAndDatabase() {
        try (Probe probe = ProbeFactory.create("primary", "postgres", Map.of("host", "10.0.0.5", "database", "app"))) {
            assertThat(probe.instance()).isEqualTo("10.0.0.5:5432");
        }
    }

    @Test
    void rejectsAnUnknownKindNamingTheProbeAndTheKind() {
        assertThatThrownBy(() -> ProbeFactory.create("primary", "oracle", Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("probe 'primary' (oracle): unknown kind; expected one of filesystem, ");
    }

    @Test
    void rejectsAPostgresProbeWithoutUrlOrHost() {
        assertThatThrownBy(() -> ProbeFactory.create("primary", "postgres", Map.of("user", "lifeboat")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("probe 'primary' (postgres): option 'url' or 'host' is required");
    }

    @Test
    void rejectsAMissingRequiredOptionNamingIt() {
        assertThatThrownBy(() -> ProbeFactory.create("cache", "redis", Map.of()))
                .hasMessage("probe 'cache' (redis): option 'address' is required");
        assertThatThrownBy(() -> ProbeFactory.create("docs", "mongodb", Map.of("uri", " ")))
                .hasMessage("probe 'docs' (mongodb): option 'uri' is required");
        assertThatThrownBy(() -> ProbeFactory.create("repo", "filesystem", Map.of()))
                .hasMessage("probe 'repo' (filesystem): option 'path' is required");
        assertThatThrownBy(() -> ProbeFactory.create("api", "http", Map.of()))
                .hasMessage("probe 'api' (http): option 'url' is required");
        assertThatThrownBy(() -> ProbeFactory.create("port", "tcp", Map.of("host", "broker.example")))
                .hasMessage("probe 'port' (tcp): option 'port' is required");
    }

    @Test
    void rejectsMalformedOptionsNamingTheOptionAndTheValue() {
        assertThatThrownBy(() -> ProbeFactory.create("port", "tcp", Map.of("host", "h", "port", "99999")))
                .hasMessage("probe 'port' (tcp): option 'port' must be a port from 1 to 65535, got '99999'");
        assertThatThrownBy(() -> ProbeFactory.create("cache", "redis", Map.of("address", "cache.example:6379")))
                .hasMessageStartingWith("probe 'cache' (redis): option 'address' must be redis://host:port");
        assertThatThrownBy(() -> ProbeFactory.create("primary", "postgres", Map.of("url", "jdbc:mysql://h/db")))
                .hasMessage("probe 'primary' (postgres): option 'url' must be a jdbc:postgresql:// URL");
        assertThatThrownBy(() -> ProbeFactory.create("primary", "postgres", Map.of("host", "h", "max-replay-lag",
                "soon"))).hasMessage("probe 'primary' (postgres): option 'max-replay-lag' must be a duration such as "
                        + "30s, 5m or PT30S, got 'soon'");
        assertThatThrownBy(() -> ProbeFactory.create("api", "http", Map.of("url", "https://a.example",
                "expected-status", "ok"))).hasMessageStartingWith(
                        "probe 'api' (http): option 'expected-status' must list HTTP status codes");
        assertThatThrownBy(() -> ProbeFactory.create("docs", "mongodb", Map.of("uri", "docs.example:27017")))
                .hasMessageStartingWith("probe 'docs' (mongodb): option 'uri' is not a MongoDB connection string");
    }

    @Test
    void rejectsAPasswordVariableThatIsNotSet() {
        String variable = "LIFEBOAT_PROBE_TEST_UNSET_" + System.nanoTime();

        assertThatThrownBy(() -> ProbeFactory.create("primary", "postgres", Map.of("host", "h", "password-env",
                variable))).hasMessage("probe 'primary' (postgres): environment variable '" + variable
                        + "' named by option 'password-env' is not set");
    }

    @Test
    void readsDurationsInShortAndIsoForms() {
        Options options = new Options("p", "postgres", Map.of("a", "500ms", "b", "30s", "c", "5m", "d", "PT1H",
                "e", "12"));

        assertThat(options.duration("a")).hasMillis(500);
        assertThat(options.duration("b")).hasSeconds(30);
        assertThat(options.duration("c")).hasMinutes(5);
        assertThat(options.duration("d")).hasHours(1);
        assertThat(options.duration("e")).hasSeconds(12);
        assertThat(options.duration("absent")).isNull();
    }
}
