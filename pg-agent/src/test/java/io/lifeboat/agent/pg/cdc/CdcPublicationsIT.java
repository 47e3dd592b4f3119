package io.lifeboat.agent.pg.cdc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.lifeboat.testkit.postgres.PostgresServer;

/** Publication and slot handling against the shared PostgreSQL server, as a superuser and as a plain role. */
class CdcPublicationsIT {

    private static final String DATABASE = "cdc_publications";
    private static final String ROLE = "cdc_plain";
    private static final String PASSWORD = "cdc-plain-pw";

    @BeforeAll
    static void database() throws SQLException {
        PostgresServer server = PostgresServer.shared();
        server.createDatabase(DATABASE);
        try (Connection admin = server.connect(DATABASE); Statement statement = admin.createStatement()) {
            statement.execute("create role " + ROLE + " login replication password '" + PASSWORD + "'");
            statement.execute("grant create on database " + DATABASE + " to " + ROLE);
            statement.execute("grant create on schema public to " + ROLE);
        }
        try (Connection plain = plain(); Statement statement = plain.createStatement()) {
            statement.execute("create table owned (id int primary key)");
        }
    }

    @Test
    void refusesAPlainRoleWithoutTablesNamingTheRoleAndTheSettingToChange() throws SQLException {
        try (Connection plain = plain()) {
            assertThatThrownBy(() -> CdcPublications.ensure(plain, "orders", "lifeboat_orders", List.of()))
                    .isInstanceOf(ChangeCaptureRefused.class)
                    .hasMessageContaining("target 'orders'")
                    .hasMessageContaining("role '" + ROLE + "' is not one")
                    .hasMessageContaining("lifeboat.pg.targets.orders.change-capture.tables");
        }
        assertThat(count("select count(*) from pg_publication where pubname = 'lifeboat_orders'")).isZero();
    }

    @Test
    void aPlainRoleGetsAPublicationOfItsTablesThatIsMarkedAsLifeboatsAndDroppedWithTheSlot() throws SQLException {
        try (Connection plain = plain()) {
            CdcPublications.ensure(plain, "filtered", "lifeboat_filtered", List.of("public.owned"));
            CdcPublications.ensure(plain, "filtered", "lifeboat_filtered", List.of("public.owned"));
        }
        assertThat(count("select count(*) from pg_publication_tables where pubname = 'lifeboat_filtered'"
                + " and schemaname = 'public' and tablename = 'owned'")).isEqualTo(1);
        assertThat(count("select count(*) from pg_publication where pubname = 'lifeboat_filtered'"
                + " and not puballtables and obj_description(oid, 'pg_publication') like 'lifeboat change capture%'"))
                .isEqualTo(1);
        admin("select pg_create_logical_replication_slot('lifeboat_cdc_filtered', 'pgoutput')");

        try (Connection plain = plain()) {
            CdcPublications.dropLeftovers(plain, "filtered", "lifeboat_cdc_filtered", "lifeboat_filtered");
        }

        assertThat(count("select count(*) from pg_replication_slots where slot_name = 'lifeboat_cdc_filtered'"))
                .isZero();
        assertThat(count("select count(*) from pg_publication where pubname = 'lifeboat_filtered'")).isZero();
    }

    @Test
    void aSuperuserWithoutTablesGetsAllTablesAndAPublicationNotCreatedByLifeboatIsNeverTouched() throws SQLException {
        admin("create publication operators_own for table owned");
        try (Connection admin = PostgresServer.shared().connect(DATABASE)) {
            CdcPublications.ensure(admin, "all", "lifeboat_all", List.of());
            CdcPublications.ensure(admin, "mine", "operators_own", List.of());
            CdcPublications.dropLeftovers(admin, "mine", "no_such_slot", "operators_own");
        }

        assertThat(count("select count(*) from pg_publication where pubname = 'lifeboat_all' and puballtables"))
                .isEqualTo(1);
        assertThat(count("select count(*) from pg_publication where pubname = 'operators_own'"
                + " and not puballtables")).isEqualTo(1);
    }

    private static Connection plain() throws SQLException {
        return DriverManager.getConnection(PostgresServer.shared().jdbcUrl(DATABASE), ROLE, PASSWORD);
    }

    private static void admin(String sql) throws SQLException {
        try (Connection admin = PostgresServer.shared().connect(DATABASE);
                Statement statement = admin.createStatement()) {
            statement.execute(sql);
        }
    }

    private static long count(String sql) throws SQLException {
        try (Connection admin = PostgresServer.shared().connect(DATABASE);
                Statement statement = admin.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
