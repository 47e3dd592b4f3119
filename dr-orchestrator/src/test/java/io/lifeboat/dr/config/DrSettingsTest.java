package io.lifeboat.dr.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;

class DrSettingsTest {

    @Test
    void readsATargetWithItsMembersFenceCommandAndTheDefaults() {
        Map<String, String> properties = target();
        properties.put("lifeboat.dr.targets.orders-db.fence-command", "/usr/local/bin/fence,pg-a");

        DrSettings settings = DrSettings.from(config(properties), Map.of("PG_B_PASSWORD", "secret"));

        TargetSettings orders = settings.targets().get("orders-db");
        assertThat(settings.expectedMonitors()).isEqualTo(1);
        assertThat(settings.runSettings().holdDown()).isEqualTo(Duration.ofMinutes(30));
        assertThat(settings.maximumLagOnFailover()).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.pauseBeforeStep()).isNull();
        assertThat(orders.primary()).isEqualTo("pg-a");
        assertThat(orders.member("pg-b").password()).isEqualTo("secret");
        assertThat(orders.othersThan("pg-a")).extracting(m -> m.name()).containsExactly("pg-b");
        assertThat(orders.fenceCommand().command()).isEqualTo(List.of("/usr/local/bin/fence", "pg-a"));
        assertThat(orders.failoverMode()).isEmpty();
    }

    @Test
    void namesEveryWrongKeyWhenThePrimaryIsNoMemberAndAPasswordVariableIsUnset() {
        Map<String, String> properties = target();
        properties.put("lifeboat.dr.targets.orders-db.primary", "pg-z");
        properties.put("lifeboat.dr.expected-monitors", "0");

        assertThatThrownBy(() -> DrSettings.from(config(properties), Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lifeboat.dr.expected-monitors must be at least 1, was 0")
                .hasMessageContaining("lifeboat.dr.targets.orders-db.primary 'pg-z' is not one of the members")
                .hasMessageContaining("lifeboat.dr.targets.orders-db.members.pg-b: password of PostgreSQL member "
                        + "'pg-b': environment variable PG_B_PASSWORD is not set");
    }

    @Test
    void fillsTheRunIntoRestoreAndDrillDestinationsAndHasTheAgentDiscardTheScratchInstance() {
        Map<String, String> properties = target();
        properties.put("lifeboat.dr.targets.orders-db.restore-destination", "/srv/restores/{run}?port=5544");
        properties.put("lifeboat.dr.targets.orders-db.drill-destination", "/srv/scratch/{run}?port=5545");
        properties.put("lifeboat.dr.targets.orders-db.drill-keep", "10m");
        properties.put("lifeboat.dr.targets.orders-db.checks.orders", "SELECT count(*) FROM orders");

        RestoreSettings restores = DrSettings.from(config(properties), Map.of("PG_B_PASSWORD", "secret")).targets()
                .get("orders-db").restores();

        assertThat(restores.restoreDestinationOf("restore-8d0c/1")).contains("/srv/restores/restore-8d0c-1?port=5544");
        assertThat(restores.drillDestinationOf("drill-1")).contains("/srv/scratch/drill-1?port=5545&keep-running=true"
                + "&discard-after=PT10M");
        assertThat(restores.host()).isEqualTo("localhost");
        assertThat(restores.checks()).containsEntry("orders", "SELECT count(*) FROM orders");
    }

    @Test
    void refusesADestinationWithoutAPortAndANonPositiveDrillKeep() {
        Map<String, String> properties = target();
        properties.put("lifeboat.dr.targets.orders-db.drill-destination", "/srv/scratch/{run}");
        properties.put("lifeboat.dr.targets.orders-db.drill-keep", "0s");

        assertThatThrownBy(() -> DrSettings.from(config(properties), Map.of("PG_B_PASSWORD", "secret")))
                .hasMessageContaining("lifeboat.dr.targets.orders-db.destination '/srv/scratch/{run}' names no "
                        + "port=<port>")
                .hasMessageContaining("lifeboat.dr.targets.orders-db.drill-keep must be positive, was PT0S");
    }

    private static Map<String, String> target() {
        Map<String, String> properties = new HashMap<>();
        properties.put("lifeboat.dr.targets.orders-db.primary", "pg-a");
        properties.put("lifeboat.dr.targets.orders-db.members.pg-a.url", "jdbc:postgresql://a:5432/postgres");
        properties.put("lifeboat.dr.targets.orders-db.members.pg-a.password", "lifeboat");
        properties.put("lifeboat.dr.targets.orders-db.members.pg-b.url", "jdbc:postgresql://b:5432/postgres");
        properties.put("lifeboat.dr.targets.orders-db.members.pg-b.password-env", "PG_B_PASSWORD");
        return properties;
    }

    private static DrConfig config(Map<String, String> properties) {
        // Quarkus reads "30m" through its duration converter; plain SmallRye needs it named.
        return new SmallRyeConfigBuilder().withMapping(DrConfig.class)
                .withConverter(Duration.class, 100, new DurationConverter())
                .withSources(new PropertiesConfigSource(properties, "test", 100)).build()
                .getConfigMapping(DrConfig.class);
    }
}
