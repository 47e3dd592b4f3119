package io.lifeboat.dr.it;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import io.lifeboat.testkit.postgres.PostgresServer;

/**
 * The settings of the packaged pg-agent and orchestrator of {@link RecoveryRunbooksIT}: two targets on one server
 * ({@code shop-db} archived continuously, {@code shop-reports} not), restore and scratch destinations under
 * {@code work}, and recovery group {@code shop} in which the reports depend on the database.
 *
 * @param pg the server of both targets
 * @param work the directory holding the store, the key and every restored instance
 * @param restorePort port of a restored instance
 * @param scratchPort port of a drill's scratch instance
 * @param groupDbPort port of the group's restored database
 * @param groupReportsPort port of the group's restored reports
 */
record RecoveryStack(PostgresServer pg, Path work, int restorePort, int scratchPort, int groupDbPort,
        int groupReportsPort) {

    static final String TARGET = "shop-db";
    static final String DATABASE = "shop";
    static final String REPORTS = "shop-reports";
    static final String REPORTS_DATABASE = "reports";

    /** The pg-agent's settings: the local store, both targets, restores as the postgres account. */
    Map<String, String> agent(String bootstrap) {
        Map<String, String> config = new HashMap<>();
        config.put("kafka.bootstrap.servers", bootstrap);
        config.put("lifeboat.agent.store.local-root", work.resolve("store").toString());
        config.put("lifeboat.agent.key.file", work.resolve("master.key").toString());
        config.put("lifeboat.pg.cdc.offset-dir", work.resolve("cdc").toString());
        config.put("lifeboat.pg.restore.discard-check", "1s");
        pgTarget(config, TARGET, DATABASE);
        config.put("lifeboat.pg.targets." + TARGET + ".continuous-archiving", "true");
        pgTarget(config, REPORTS, REPORTS_DATABASE);
        return config;
    }

    /** The orchestrator's settings: shop-db with its destinations and check, and group shop. */
    Map<String, String> orchestrator() {
        String key = "lifeboat.dr.targets." + TARGET + ".";
        String group = "lifeboat.dr.groups.shop.targets.";
        String restores = work.resolve("restores").toString();
        Map<String, String> config = new HashMap<>();
        config.put("lifeboat.dr.tick", "200ms");
        config.put(key + "primary", "pg-a");
        config.put(key + "members.pg-a.url", pg.jdbcUrl(DATABASE));
        config.put(key + "members.pg-a.user", pg.user());
        config.put(key + "members.pg-a.password", pg.password());
        config.put(key + "rto", "PT10M");
        config.put(key + "restore-destination", restores + "/{run}?port=" + restorePort + "&keep-running=true");
        config.put(key + "drill-destination", work.resolve("scratch") + "/{run}?port=" + scratchPort);
        config.put(key + "drill-keep", "PT30S");
        config.put(key + "checks.ledger-rows", "SELECT count(*) FROM ledger");
        config.put(group + TARGET + ".engine", "postgres");
        config.put(group + TARGET + ".destination", restores + "/{run}-db?port=" + groupDbPort + "&keep-running=true");
        config.put(group + REPORTS + ".engine", "postgres");
        config.put(group + REPORTS + ".destination", restores + "/{run}-reports?port=" + groupReportsPort
                + "&keep-running=true");
        config.put(group + REPORTS + ".depends-on", TARGET);
        config.put(group + REPORTS + ".recover-to-latest", "false");
        return config;
    }

    private void pgTarget(Map<String, String> config, String target, String database) {
        String key = "lifeboat.pg.targets." + target + ".";
        config.put(key + "host", pg.host());
        config.put(key + "port", String.valueOf(pg.port()));
        config.put(key + "database", database);
        config.put(key + "user", pg.user());
        config.put(key + "password", pg.password());
        config.put(key + "bin-dir", pg.binDir().toString());
        config.put(key + "os-user", "postgres");
    }
}
