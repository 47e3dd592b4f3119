package io.lifeboat.cli.chaos;

import java.nio.file.Path;

/** One fault the chaos bench injects into running Lifeboat processes, and what it counts while doing so. */
public interface ChaosScenario {

    /** The repository root whose packaged services the scenarios start: {@code LIFEBOAT_HOME}, else the directory. */
    static Path repository() {
        return Path.of(System.getenv().getOrDefault("LIFEBOAT_HOME", ".")).toAbsolutePath().normalize();
    }

    /** The short name the bench's arguments select it by, e.g. {@code agents}. */
    String name();

    /**
     * Starts what the scenario needs, injects its fault, waits until the system settles and stops everything it
     * started.
     *
     * @return what it counted
     * @throws Exception when the scenario itself could not run (a server that did not start): not a finding
     */
    ChaosTally run() throws Exception;
}
