package io.lifeboat.dr.postgres;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.lifeboat.dr.domain.DataCheck;

/**
 * Checks a restored PostgreSQL instance: it answers a query (with its count of user tables), it is out of
 * recovery, and every configured check holds - SQL whose first value is true or a positive number.
 */
public final class DataChecks {

    /** Name of the check that the instance answers at all; when it fails no other check runs. */
    public static final String ACCEPTS_QUERIES = "accepts-queries";
    /** Name of the check that the instance was promoted out of recovery. */
    public static final String PROMOTED = "promoted";

    private static final String USER_TABLES = "SELECT count(*) FROM pg_catalog.pg_tables "
            + "WHERE schemaname NOT IN ('pg_catalog', 'information_schema')";

    /**
     * Runs the checks in one session.
     *
     * @param instance the restored instance
     * @param checks the configured checks by name
     * @param timeout the limit for connecting and for each query
     * @return one result per check, {@link #ACCEPTS_QUERIES} first
     */
    public List<DataCheck> run(PgEndpoint instance, Map<String, String> checks, Duration timeout) {
        List<DataCheck> results = new ArrayList<>();
        try (Connection connection = PgSessions.open(instance, timeout);
                Statement statement = connection.createStatement()) {
            long tables = first(statement, USER_TABLES) instanceof Number number ? number.longValue() : -1;
            results.add(new DataCheck(ACCEPTS_QUERIES, true, instance.jdbcUrl() + " answers; " + tables
                    + " user table(s)"));
            boolean inRecovery = Boolean.TRUE.equals(first(statement, "SELECT pg_is_in_recovery()"));
            results.add(new DataCheck(PROMOTED, !inRecovery, inRecovery
                    ? "still in recovery: it does not take writes"
                    : "out of recovery"));
            checks.forEach((name, sql) -> results.add(check(statement, name, sql)));
        } catch (SQLException e) {
            results.add(new DataCheck(ACCEPTS_QUERIES, false, instance.jdbcUrl() + " does not answer: "
                    + e.getMessage()));
        }
        return results;
    }

    private static DataCheck check(Statement statement, String name, String sql) {
        try {
            Object value = first(statement, sql);
            boolean passed = value instanceof Boolean bool
                    ? bool
                    : value instanceof Number number && number.doubleValue() > 0;
            return new DataCheck(name, passed, "returned " + value + (passed
                    ? ""
                    : ", expected true or a positive number") + " (" + sql + ")");
        } catch (SQLException e) {
            return new DataCheck(name, false, "failed: " + e.getMessage() + " (" + sql + ")");
        }
    }

    private static Object first(Statement statement, String sql) throws SQLException {
        try (ResultSet rows = statement.executeQuery(sql)) {
            return rows.next() ? rows.getObject(1) : null;
        }
    }
}
