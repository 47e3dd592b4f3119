package io.lifeboat.agent.pg.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.lifeboat.agent.pg.engine.PgTarget;

class PgTargetsTest {

    @Test
    void refusesAnUnknownTargetNamingTheConfigurationPrefix() {
        PgTargets targets = new PgTargets(Map.of(), name -> null);

        assertThatThrownBy(() -> targets.get("x"))
                .hasMessage("unknown target 'x': not configured in lifeboat.pg.targets");
    }

    @Test
    void readsThePasswordFromTheNamedEnvironmentVariableAndNeverShowsIt() {
        PgTargets targets = new PgTargets(Map.of("orders", target(Optional.empty(), Optional.of("ORDERS_PW"))),
                name -> name.equals("ORDERS_PW") ? "s3cret" : null);

        PgTarget target = targets.get("orders");

        assertThat(target.password()).contains("s3cret");
        assertThat(target.toString()).isEqualTo("target 'orders' (app@db.example:5433/orders)")
                .doesNotContain("s3cret");
    }

    @Test
    void failsNamingTheVariableWhenPasswordEnvIsNotSet() {
        PgTargets targets = new PgTargets(Map.of("orders", target(Optional.empty(), Optional.of("ORDERS_PW"))),
                name -> null);

        assertThatThrownBy(() -> targets.get("orders")).hasMessageContaining("ORDERS_PW")
                .hasMessageContaining("lifeboat.pg.targets.orders.password-env");
    }

    private static PgConfig.Target target(Optional<String> password, Optional<String> passwordEnv) {
        return new PgConfig.Target() {
            @Override
            public String host() {
                return "db.example";
            }

            @Override
            public int port() {
                return 5433;
            }

            @Override
            public String database() {
                return "orders";
            }

            @Override
            public String user() {
                return "app";
            }

            @Override
            public Optional<String> password() {
                return password;
            }

            @Override
            public Optional<String> passwordEnv() {
                return passwordEnv;
            }

            @Override
            public Path binDir() {
                return Path.of("/usr/lib/postgresql/15/bin");
            }

            @Override
            public Optional<String> osUser() {
                return Optional.empty();
            }

            @Override
            public boolean continuousArchiving() {
                return false;
            }

            @Override
            public Optional<String> slot() {
                return Optional.empty();
            }

            @Override
            public PgConfig.ChangeCapture changeCapture() {
                throw new UnsupportedOperationException("not used by PgTargets");
            }
        };
    }
}
