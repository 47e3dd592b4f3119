package io.lifeboat.dr.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.lifeboat.events.policy.FailoverMode;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The orchestrator's settings under {@code lifeboat.dr.*}, as written; {@link DrSettings#from} validates them.
 */
@ConfigMapping(prefix = "lifeboat.dr")
public interface DrConfig {

    /**
     * Id of this instance in run ownership and audit trails.
     *
     * @return the id; unset for {@code <hostname>-<pid>}
     */
    Optional<String> instanceId();

    /**
     * How many monitors are deployed to watch every target; the quorum is a majority of it.
     *
     * @return the configured monitor count
     */
    @WithDefault("1")
    int expectedMonitors();

    /**
     * How long after a failover another one of the same target is refused.
     *
     * @return the hold-down
     */
    @WithDefault("30m")
    Duration holdDown();

    /**
     * How often a step is attempted before the run fails.
     *
     * @return the attempts per step
     */
    @WithDefault("3")
    int maxAttempts();

    /**
     * The largest replication lag a standby may have and still be promoted.
     *
     * @return the maximum lag
     */
    @WithDefault("10s")
    Duration maximumLagOnFailover();

    /**
     * How long one PostgreSQL action of a step may take.
     *
     * @return the step timeout
     */
    @WithDefault("30s")
    Duration stepTimeout();

    /**
     * How often the executor looks at every target when nothing else wakes it.
     *
     * @return the tick
     */
    @WithDefault("1s")
    Duration tick();

    /**
     * How long a restore or drill waits for the agent's outcome before the run fails.
     *
     * @return the wait
     */
    @WithDefault("6h")
    Duration restoreTimeout();

    /**
     * The PostgreSQL targets this orchestrator may fail over, by target id.
     *
     * @return the targets
     */
    Map<String, Target> targets();

    /**
     * Recovery groups: targets restored together after a complete failure, by group id.
     *
     * @return the groups
     */
    Map<String, Group> groups();

    /**
     * Rehearsal knobs; never set them in production.
     *
     * @return the debug settings
     */
    Debug debug();

    /** One PostgreSQL target: its members and how it fails over. */
    interface Target {

        /**
         * Failover mode; unset for the policy's, else MANUAL.
         *
         * @return the mode
         */
        Optional<FailoverMode> failoverMode();

        /**
         * Recovery time objective; unset for the policy's, else one hour.
         *
         * @return the RTO
         */
        Optional<Duration> rto();

        /**
         * Member name of the primary when the orchestrator first starts.
         *
         * @return the member name
         */
        String primary();

        /**
         * Every member of the target by name.
         *
         * @return the members
         */
        Map<String, Member> members();

        /**
         * The fence's second layer: an OS command and its arguments, run without a shell.
         *
         * @return the command; unset for the read-only layer alone
         */
        Optional<List<String>> fenceCommand();

        /**
         * Where a restore puts the new instance unless the StartRestore names it, as the agent takes it, with
         * {@code {run}} replaced by the run id, e.g. {@code /srv/pg/restores/{run}?port=5544}.
         *
         * @return the destination template; unset when restores must name their destination
         */
        Optional<String> restoreDestination();

        /**
         * Where a drill puts its scratch instance, e.g. {@code /var/lib/lifeboat/scratch/{run}?port=5545}.
         *
         * @return the destination template; unset when the target is not drilled
         */
        Optional<String> drillDestination();

        /**
         * Host of the target's agent, where restored and scratch instances listen.
         *
         * @return the host name
         */
        @WithDefault("localhost")
        String restoreHost();

        /**
         * How long a drill's scratch instance is kept after its restore, before the agent removes it.
         *
         * @return the time
         */
        @WithDefault("15m")
        Duration drillKeep();

        /**
         * Data checks run against restored and scratch instances: name to SQL whose first column of the first row
         * is true or a positive number when the check passes, e.g. {@code SELECT count(*) FROM orders}.
         *
         * @return the checks by name
         */
        Map<String, String> checks();
    }

    /** Targets that fail and are restored together, e.g. a database, its cache and its file store. */
    interface Group {

        /**
         * The group's targets by target id.
         *
         * @return the targets
         */
        Map<String, GroupTarget> targets();
    }

    /** One target of a recovery group. */
    interface GroupTarget {

        /**
         * Engine of the target, which selects the agent: postgres, redis, mongodb or filesystem.
         *
         * @return the engine id
         */
        String engine();

        /**
         * Where the agent restores it, as the agent takes it, with {@code {run}} replaced by the run id.
         *
         * @return the destination template
         */
        String destination();

        /**
         * Targets of the group restored before this one.
         *
         * @return their ids; unset for none
         */
        Optional<List<String>> dependsOn();

        /**
         * Whether the log is replayed to the newest archived point; unset for PostgreSQL and MongoDB, which archive
         * WAL and oplog continuously, and not for Redis and files.
         *
         * @return whether to replay to the latest point
         */
        Optional<Boolean> recoverToLatest();
    }

    /** How to reach one member. */
    interface Member {

        /**
         * JDBC URL of the member.
         *
         * @return the URL
         */
        String url();

        /**
         * User to log in as.
         *
         * @return the user
         */
        @WithDefault("postgres")
        String user();

        /**
         * Password, for local setups; prefer {@link #passwordEnv()}.
         *
         * @return the password
         */
        Optional<String> password();

        /**
         * Environment variable holding the password.
         *
         * @return the variable name
         */
        Optional<String> passwordEnv();
    }

    /** Rehearsal knobs, e.g. to kill the orchestrator between two steps on purpose. */
    interface Debug {

        /**
         * Step id before which the executor pauses, e.g. {@code promote-standby}.
         *
         * @return the step id; unset for no pause
         */
        Optional<String> pauseBeforeStep();

        /**
         * How long the executor pauses before that step.
         *
         * @return the pause
         */
        @WithDefault("0s")
        Duration pause();
    }
}
