package io.lifeboat.health.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.lifeboat.events.Engine;
import io.lifeboat.health.domain.Hysteresis;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

class HealthSettingsTest {

    private static final String T = "lifeboat.health.targets.";

    @Test
    void readsNestedTargetsAndProbesWithLowerCaseEnginesAndDefaults() {
        HealthSettings settings = settings(Map.of("lifeboat.health.monitor-id", "monitor-a",
                T + "orders-db.engine", "postgres",
                T + "orders-db.interval", "500ms",
                T + "orders-db.probes.primary.kind", "postgres",
                T + "orders-db.probes.primary.options.url", "jdbc:postgresql://db1:5432/postgres",
                T + "orders-db.probes.primary.options.user", "lifeboat",
                T + "cache.engine", "redis",
                T + "cache.probes.node.kind", "tcp"));

        assertThat(settings.monitorId()).isEqualTo("monitor-a");
        assertThat(settings.targets()).extracting(TargetSettings::targetId).containsExactly("cache", "orders-db");
        TargetSettings orders = settings.targets().get(1);
        assertThat(orders.engine()).isEqualTo(Engine.POSTGRES);
        assertThat(orders.interval()).isEqualTo(Duration.ofMillis(500));
        assertThat(orders.timeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(orders.hysteresis()).isEqualTo(Hysteresis.DEFAULTS);
        assertThat(orders.diskWarning()).isEqualTo(0.9);
        assertThat(orders.probes()).singleElement().satisfies(probe -> {
            assertThat(probe.name()).isEqualTo("primary");
            assertThat(probe.kind()).isEqualTo("postgres");
            assertThat(probe.options()).containsEntry("url", "jdbc:postgresql://db1:5432/postgres")
                    .containsEntry("user", "lifeboat");
        });
        assertThat(settings.targets().get(0).probes()).singleElement()
                .satisfies(probe -> assertThat(probe.options()).isEmpty());
    }

    @Test
    void signsWithHostnameAndPidWhenNoMonitorIdIsSet() {
        HealthSettings settings = settings(Map.of());

        assertThat(settings.monitorId()).endsWith("-" + ProcessHandle.current().pid());
        assertThat(settings.targets()).isEmpty();
    }

    @Test
    void namesEveryWrongKeyAtOnce() {
        assertThatThrownBy(() -> settings(Map.of(T + "orders-db.engine", "postgres",
                T + "orders-db.failures-to-unhealthy", "0",
                T + "orders-db.disk-warning", "90",
                T + "cache.engine", "redis",
                T + "cache.probes.node.kind", "tcp")))
                .hasMessageContaining(T + "orders-db.failures-to-unhealthy must be at least 1, was 0")
                .hasMessageContaining(T + "orders-db.disk-warning must be a fraction in (0, 1], was 90.0")
                .hasMessageContaining(T + "orders-db.probes has no probe");
    }

    @Test
    void namesTheKeyOfAnUnknownEngine() {
        assertThatThrownBy(() -> settings(Map.of(T + "orders-db.engine", "oracle",
                T + "orders-db.probes.primary.kind", "tcp"))).hasMessageContaining(T + "orders-db.engine");
    }

    private static HealthSettings settings(Map<String, String> properties) {
        SmallRyeConfig config = new SmallRyeConfigBuilder().withMapping(HealthConfig.class)
                .withConverter(Duration.class, 200, new DurationConverter())
                .withSources(new PropertiesConfigSource(properties, "test", 100)).build();
        return HealthSettings.from(config.getConfigMapping(HealthConfig.class));
    }
}
