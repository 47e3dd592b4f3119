package io.lifeboat.dr.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Where a target's restores and drills put their instances, how long a drill's scratch instance lives, and the
 * data checks run against both.
 *
 * @param restoreDestination destination template of restores, {@code {run}} replaced by the run id; null for none
 * @param drillDestination destination template of drills' scratch instances; null when the target is not drilled
 * @param host host of the target's agent, where the instances listen
 * @param drillKeep how long the agent keeps a scratch instance after its restore
 * @param checks data checks by name: SQL whose first value is true or a positive number when the check passes
 */
public record RestoreSettings(String restoreDestination, String drillDestination, String host, Duration drillKeep,
        Map<String, String> checks) {

    /** Placeholder replaced by the run id in destination templates. */
    public static final String RUN = "{run}";

    /**
     * Sorts and copies the checks.
     */
    public RestoreSettings {
        checks = checks == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(checks));
    }

    /**
     * Returns the restore destination of a run.
     *
     * @param runId the run
     * @return the destination, or empty when none is configured
     */
    public Optional<String> restoreDestinationOf(String runId) {
        return Optional.ofNullable(restoreDestination).map(template -> template.replace(RUN, slug(runId)));
    }

    /**
     * Returns the scratch destination of a drill, asking the agent to keep the instance running for the checks
     * and to remove it after {@link #drillKeep}.
     *
     * @param runId the drill's run
     * @return the destination, or empty when the target is not drilled
     */
    public Optional<String> drillDestinationOf(String runId) {
        return Optional.ofNullable(drillDestination).map(template -> template.replace(RUN, slug(runId))
                + (template.contains("?") ? "&" : "?") + "keep-running=true&discard-after=" + drillKeep);
    }

    /**
     * Lists what is wrong with the settings.
     *
     * @param key the target's key prefix, for the messages
     * @return the problems; empty when the settings are usable
     */
    List<String> problems(String key) {
        List<String> problems = new ArrayList<>();
        for (String template : new String[]{restoreDestination, drillDestination}) {
            if (template != null && !template.contains("port=")) {
                problems.add(key + "destination '" + template + "' names no port=<port>: the orchestrator connects "
                        + "to the restored instance there to check it");
            }
        }
        if (drillKeep.isNegative() || drillKeep.isZero()) {
            problems.add(key + "drill-keep must be positive, was " + drillKeep);
        }
        if (host.isEmpty()) {
            problems.add(key + "restore-host is blank");
        }
        checks.forEach((name, sql) -> {
            if (sql.isBlank()) {
                problems.add(key + "checks." + name + " is blank");
            }
        });
        return problems;
    }

    private static String slug(String runId) {
        // Run ids carry command ids (UUIDs and the like); a directory name takes letters, digits, '-' and '_'.
        return runId.replaceAll("[^A-Za-z0-9_-]", "-");
    }
}
