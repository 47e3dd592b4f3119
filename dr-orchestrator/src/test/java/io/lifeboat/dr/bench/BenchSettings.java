package io.lifeboat.dr.bench;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The monitor's and the orchestrator's settings for one bench target: a single monitor (quorum of 1 of 1; a
 * production setup runs 3), tuned for fast detection but keeping the default rule of 3 failed rounds in a row.
 *
 * @param monitorInterval pause between two probe rounds of the monitor
 * @param probeTimeout the longest one probe may take
 * @param tick how often the orchestrator looks at its targets when nothing wakes it
 * @param stepTimeout how long one PostgreSQL action of a failover step may take
 */
public record BenchSettings(Duration monitorInterval, Duration probeTimeout, Duration tick, Duration stepTimeout) {

    /** The monitor's id in every report, and the one the orchestrator counts. */
    public static final String MONITOR_ID = "bench-monitor-1";

    /** Failed rounds in a row that make an outage: the health-monitor's default, kept on purpose. */
    public static final int FAILURES_TO_UNHEALTHY = 3;

    /** The bench's values: 500 ms rounds with a 500 ms probe timeout, a 200 ms tick and a 2 s step timeout. */
    public static BenchSettings defaults() {
        return new BenchSettings(Duration.ofMillis(500), Duration.ofMillis(500), Duration.ofMillis(200),
                Duration.ofSeconds(2));
    }

    /**
     * The health-monitor's system properties: one postgres probe of the primary of target {@code targetId}.
     *
     * @param targetId the target
     * @param primary how to reach the primary
     * @return the {@code lifeboat.health.*} properties
     */
    public Map<String, String> monitor(String targetId, Member primary) {
        String target = "lifeboat.health.targets." + targetId + ".";
        Map<String, String> config = new LinkedHashMap<>();
        config.put("lifeboat.health.monitor-id", MONITOR_ID);
        config.put(target + "engine", "postgres");
        config.put(target + "interval", millis(monitorInterval));
        config.put(target + "timeout", millis(probeTimeout));
        config.put(target + "failures-to-unhealthy", String.valueOf(FAILURES_TO_UNHEALTHY));
        String probe = target + "probes.primary.";
        config.put(probe + "kind", "postgres");
        config.put(probe + "options.url", primary.url());
        config.put(probe + "options.user", primary.user());
        config.put(probe + "options.password", primary.password());
        return config;
    }

    /**
     * The orchestrator's system properties: target {@code targetId} of primary {@code pg-a} and standby
     * {@code pg-b}, failing over automatically on the word of one monitor.
     *
     * @param targetId the target
     * @param primary how to reach the primary, member {@code pg-a}
     * @param standby how to reach the standby, member {@code pg-b}
     * @return the {@code lifeboat.dr.*} properties
     */
    public Map<String, String> orchestrator(String targetId, Member primary, Member standby) {
        String target = "lifeboat.dr.targets." + targetId + ".";
        Map<String, String> config = new LinkedHashMap<>();
        config.put("lifeboat.dr.expected-monitors", "1");
        config.put("lifeboat.dr.tick", millis(tick));
        config.put("lifeboat.dr.step-timeout", millis(stepTimeout));
        config.put(target + "failover-mode", "AUTOMATIC");
        config.put(target + "primary", "pg-a");
        member(config, target + "members.pg-a.", primary);
        member(config, target + "members.pg-b.", standby);
        return config;
    }

    private static void member(Map<String, String> config, String key, Member member) {
        config.put(key + "url", member.url());
        config.put(key + "user", member.user());
        config.put(key + "password", member.password());
    }

    private static String millis(Duration duration) {
        return duration.toMillis() + "ms";
    }

    /**
     * How to reach one PostgreSQL server.
     *
     * @param url JDBC URL
     * @param user user to log in as
     * @param password its password
     */
    public record Member(String url, String user, String password) {
    }
}
