package io.lifeboat.dr.postgres;

import java.util.Map;
import java.util.Objects;

/**
 * How to reach one PostgreSQL member: its name in reports, its JDBC URL and the credentials of a superuser (fencing
 * needs {@code ALTER SYSTEM} and {@code pg_terminate_backend}, promotion needs {@code pg_promote}).
 *
 * @param name the member's name in results and errors, such as {@code pg-eu-1}
 * @param jdbcUrl the JDBC URL, such as {@code jdbc:postgresql://10.0.0.5:5432/postgres}
 * @param user the database user
 * @param password the user's password; kept out of {@link #toString()}
 */
public record PgEndpoint(String name, String jdbcUrl, String user, String password) {

    /** Checks that the name, URL and user are given. */
    public PgEndpoint {
        Objects.requireNonNull(name, "PostgreSQL member name");
        Objects.requireNonNull(jdbcUrl, () -> "JDBC URL of PostgreSQL member '" + name + "'");
        Objects.requireNonNull(user, () -> "user of PostgreSQL member '" + name + "'");
    }

    /**
     * An endpoint whose password is read from an environment variable, so that it stays out of configuration files.
     *
     * @param name the member's name
     * @param jdbcUrl the JDBC URL
     * @param user the database user
     * @param passwordEnv the environment variable holding the password
     * @param environment the environment to read, usually {@code System.getenv()}
     * @return the endpoint
     * @throws IllegalArgumentException naming the member and the variable when the variable is not set
     */
    public static PgEndpoint withPasswordFrom(String name, String jdbcUrl, String user, String passwordEnv,
            Map<String, String> environment) {
        String password = environment.get(passwordEnv);
        if (password == null) {
            throw new IllegalArgumentException("password of PostgreSQL member '" + name + "': environment variable "
                    + passwordEnv + " is not set");
        }
        return new PgEndpoint(name, jdbcUrl, user, password);
    }

    /** The name, URL and user, never the password. */
    @Override
    public String toString() {
        return "PgEndpoint[name=" + name + ", jdbcUrl=" + jdbcUrl + ", user=" + user + "]";
    }
}
