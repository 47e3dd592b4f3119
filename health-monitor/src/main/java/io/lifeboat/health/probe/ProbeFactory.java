package io.lifeboat.health.probe;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Builds probes from their configuration: a kind and its options. Durations are written {@code 500ms}, {@code 30s},
 * {@code 5m}, {@code 1h} or ISO-8601 ({@code PT30S}); a password comes from the environment variable that
 * {@code password-env} names ({@code password} holds one directly, for tests).
 * <ul>
 * <li>{@code postgres}: {@code url} (a {@code jdbc:postgresql://} URL) or {@code host} with optional {@code port}
 * (5432) and {@code database} ({@code postgres}); optional {@code user}, {@code password-env}, {@code password};
 * optional {@code max-replay-lag} (a standby further behind fails); optional {@code data-directory} (a path on the
 * monitor's host whose disk usage is reported as DISK). Reports role {@code primary} or {@code standby} and a
 * standby's replay lag.</li>
 * <li>{@code redis}: {@code address} ({@code redis://host:port} or {@code rediss://}); optional {@code user},
 * {@code password-env}, {@code password}. Reports role {@code master} or {@code slave} and, when
 * {@code maxmemory} is set, MEMORY.</li>
 * <li>{@code mongodb}: {@code uri} (a {@code mongodb://} or {@code mongodb+srv://} connection string, which may
 * carry credentials). Reports the role ({@code primary}, {@code secondary}, {@code standalone}, {@code mongos})
 * when the server tells it.</li>
 * <li>{@code filesystem}: {@code path}; optional {@code write-check} ({@code true}: create and delete a small file
 * in a directory). Reports DISK.</li>
 * <li>{@code http}: {@code url}; optional {@code method} ({@code GET}), {@code expected-status} (comma-separated
 * codes; by default any 2xx or 3xx; redirects are not followed).</li>
 * <li>{@code tcp}: {@code host}, {@code port}.</li>
 * <li>{@code host-memory}: optional {@code meminfo} ({@code /proc/meminfo}), {@code host} (the name the usage is
 * reported under; the local host name by default). Reports MEMORY of the monitor's own host.</li>
 * </ul>
 */
public final class ProbeFactory {

    /** Every kind {@link #create} builds. */
    public static final Set<String> KINDS = Set.of("postgres", "redis", "mongodb", "filesystem", "http", "tcp",
            "host-memory");

    private ProbeFactory() {
    }

    /**
     * Builds a probe.
     *
     * @param name the probe's name within its target
     * @param kind {@code postgres}, {@code redis}, {@code mongodb}, {@code filesystem}, {@code http}, {@code tcp} or
     *        {@code host-memory}
     * @param options the kind's options
     * @return the probe
     * @throws IllegalArgumentException for an unknown kind or a missing option, naming both
     */
    public static Probe create(String name, String kind, Map<String, String> options) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a probe of kind '" + kind + "' has no name");
        }
        Options o = new Options(name, kind, options);
        if (kind == null) {
            throw new IllegalArgumentException("probe '" + name + "' has no kind; expected one of " + kinds());
        }
        return switch (kind) {
            case "postgres" -> postgres(name, o);
            case "redis" -> redis(name, o);
            case "mongodb" -> mongodb(name, o);
            case "filesystem" -> new FilesystemProbe(name, path(o, "path", null), o.flag("write-check", true));
            case "http" -> http(name, o);
            case "tcp" -> new TcpProbe(name, o.required("host"), o.port("port"));
            case "host-memory" -> new HostMemoryProbe(name, o.optional("host", localHostName()), path(o, "meminfo",
                    "/proc/meminfo"));
            default -> throw o.invalid("unknown kind; expected one of " + kinds());
        };
    }

    private static Probe postgres(String name, Options o) {
        String url = o.optional("url");
        if (url == null) {
            if (o.optional("host") == null) {
                throw o.invalid("option 'url' or 'host' is required");
            }
            int port = o.optional("port") == null ? 5432 : o.port("port");
            url = "jdbc:postgresql://" + o.required("host") + ":" + port + "/" + o.optional("database", "postgres");
        } else if (!url.startsWith("jdbc:postgresql:") || PostgresProbe.instanceOf(url) == null) {
            throw o.invalid("option 'url' must be a jdbc:postgresql:// URL");
        }
        String dataDirectory = o.optional("data-directory");
        return new PostgresProbe(name, url, o.optional("user"), o.password(), o.duration("max-replay-lag"),
                dataDirectory == null ? null : path(o, "data-directory", null));
    }

    private static Probe redis(String name, Options o) {
        String address = o.required("address");
        URI uri = uri(o, "address", address);
        if (!("redis".equals(uri.getScheme()) || "rediss".equals(uri.getScheme())) || uri.getHost() == null) {
            throw o.invalid("option 'address' must be redis://host:port or rediss://host:port, got '" + address
                    + "'");
        }
        int port = uri.getPort() < 0 ? 6379 : uri.getPort();
        return new RedisProbe(name, uri.getScheme() + "://" + uri.getHost() + ":" + port, uri.getHost() + ":" + port,
                o.optional("user"), o.password());
    }

    private static Probe mongodb(String name, Options o) {
        String uri = o.required("uri");
        try {
            return new MongoProbe(name, uri, MongoProbe.instanceOf(uri));
        } catch (IllegalArgumentException e) {
            // The driver's message, not the string: a connection string may hold a password.
            throw o.invalid("option 'uri' is not a MongoDB connection string: " + e.getMessage());
        }
    }

    private static Probe http(String name, Options o) {
        String url = o.required("url");
        URI uri = uri(o, "url", url);
        if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
            throw o.invalid("option 'url' must be an http:// or https:// URL, got '" + url + "'");
        }
        Set<Integer> expected = new LinkedHashSet<>();
        String statuses = o.optional("expected-status");
        if (statuses != null) {
            for (String status : statuses.split(",")) {
                try {
                    int code = Integer.parseInt(status.trim());
                    if (code < 100 || code > 599) {
                        throw new NumberFormatException();
                    }
                    expected.add(code);
                } catch (NumberFormatException e) {
                    throw o.invalid("option 'expected-status' must list HTTP status codes such as 200,204, got '"
                            + statuses + "'");
                }
            }
        }
        return new HttpProbe(name, uri, o.optional("method", "GET").toUpperCase(Locale.ROOT), expected);
    }

    private static URI uri(Options o, String key, String value) {
        try {
            return new URI(value);
        } catch (URISyntaxException e) {
            throw o.invalid("option '" + key + "' is not a URI: " + e.getMessage());
        }
    }

    private static Path path(Options o, String key, String fallback) {
        String value = fallback == null ? o.required(key) : o.optional(key, fallback);
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            throw o.invalid("option '" + key + "' is not a path: " + e.getMessage());
        }
    }

    private static String localHostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }

    private static String kinds() {
        return String.join(", ", KINDS.stream().sorted().toList());
    }
}
