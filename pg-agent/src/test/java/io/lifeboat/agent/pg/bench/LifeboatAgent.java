package io.lifeboat.agent.pg.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import io.lifeboat.agent.pg.config.PgConfig;
import io.lifeboat.agent.pg.config.PgTargets;
import io.lifeboat.agent.pg.engine.PgBackupEngine;
import io.lifeboat.agent.pg.restore.PgRestoreEngine;
import io.lifeboat.agent.pg.wal.WalStore;
import io.lifeboat.agentkit.agent.RestoreEngine;
import io.lifeboat.agentkit.agent.config.AgentConfig;
import io.lifeboat.agentkit.agent.domain.BackupIds;
import io.lifeboat.agentkit.crypto.LocalKeyFileMasterKey;
import io.lifeboat.agentkit.crypto.MasterKey;
import io.lifeboat.agentkit.pipeline.ArtifactPipeline;
import io.lifeboat.agentkit.pipeline.ArtifactSink;
import io.lifeboat.agentkit.pipeline.ArtifactSpec;
import io.lifeboat.agentkit.pipeline.Manifest;
import io.lifeboat.agentkit.storage.ArtifactLayout;
import io.lifeboat.agentkit.storage.ObjectStore;
import io.lifeboat.agentkit.storage.WriteOptions;
import io.lifeboat.events.Engine;
import io.lifeboat.events.backup.BackupType;
import io.lifeboat.events.backup.RestoreBackup;
import io.lifeboat.events.backup.RunBackup;
import io.lifeboat.testkit.postgres.PostgresServer;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/**
 * The pg-agent's engines wired by hand, as the agent wires them at its defaults ({@code AgentBeans}, {@code PgConfig},
 * {@code AgentConfig} with no properties set), on one store and master key, for target {@link #TARGET}: the
 * benchmark's source server, tools run as the {@code postgres} account.
 */
final class LifeboatAgent {

    static final String TARGET = "bench";

    final ObjectStore store;
    final MasterKey masterKey;
    final ArtifactLayout layout = new ArtifactLayout();
    final ArtifactPipeline pipeline;
    final PgTargets targets;
    final AgentConfig agentConfig;
    final PgConfig pgConfig;

    LifeboatAgent(ObjectStore store, Path keyFile, PostgresServer source) throws IOException {
        this(store, keyFile, source, Map.of());
    }

    /** With {@code overrides} of the agent's properties (e.g. {@code lifeboat.agent.pipeline.zstd-level}). */
    LifeboatAgent(ObjectStore store, Path keyFile, PostgresServer source, Map<String, String> overrides)
            throws IOException {
        this.store = store;
        this.masterKey = LocalKeyFileMasterKey.openOrCreate(keyFile);
        Map<String, String> properties = new HashMap<>();
        String prefix = "lifeboat.pg.targets." + TARGET + ".";
        properties.put(prefix + "host", source.host());
        properties.put(prefix + "port", String.valueOf(source.port()));
        properties.put(prefix + "database", BenchSource.DATABASE);
        properties.put(prefix + "user", source.user());
        properties.put(prefix + "password", source.password());
        properties.put(prefix + "bin-dir", source.binDir().toString());
        properties.put(prefix + "os-user", "postgres");
        properties.put("lifeboat.agent.store.local-root", keyFile.resolveSibling("unused-store").toString());
        properties.put("lifeboat.agent.key.file", keyFile.toString());
        properties.putAll(overrides);
        SmallRyeConfig config = new SmallRyeConfigBuilder().withMapping(PgConfig.class).withMapping(AgentConfig.class)
                // Durations as Quarkus reads them ("10ms" as well as "PT0.01S").
                .withConverter(Duration.class, 200, new DurationConverter())
                .withSources(new PropertiesConfigSource(properties, "bench", 500))
                // The pg-agent's own defaults (e.g. its zstd level), as the packaged agent reads them.
                .withSources(new PropertiesConfigSource(
                        LifeboatAgent.class.getResource("/application.properties"), 250))
                .build();
        this.pgConfig = config.getConfigMapping(PgConfig.class);
        this.agentConfig = config.getConfigMapping(AgentConfig.class);
        this.targets = new PgTargets(pgConfig);
        // As AgentBeans.pipeline builds it from lifeboat.agent.pipeline.*.
        this.pipeline = new ArtifactPipeline(store, layout, masterKey, agentConfig.pipeline().settings());
    }

    /** One FULL backup as the agent's runner takes it (engine → sink → manifest); returns the manifest. */
    Manifest fullBackup() throws Exception {
        RunBackup command = new RunBackup(UUID.randomUUID().toString(), TARGET, Engine.POSTGRES, BackupType.FULL,
                "bench", null, null, 1);
        String backupId = BackupIds.backupId(command);
        ArtifactSpec spec = new ArtifactSpec(TARGET, backupId, Engine.POSTGRES, BackupType.FULL,
                WriteOptions.of(agentConfig.storageClass()));
        try (ArtifactSink sink = pipeline.create(spec)) {
            Map<String, Object> metadata = PgBackupEngine.of(targets).backup(command, sink.stream());
            return sink.complete(metadata);
        }
    }

    /** The engine alone, its output thrown away: what reading costs without the pipeline. */
    Map<String, Object> backupIntoNothing() throws Exception {
        RunBackup command = new RunBackup(UUID.randomUUID().toString(), TARGET, Engine.POSTGRES, BackupType.FULL,
                "bench", null, null, 1);
        return PgBackupEngine.of(targets).backup(command, java.io.OutputStream.nullOutputStream());
    }

    /** Restores {@code backup} replaying the archived WAL to the latest point into {@code dataDir}, left running. */
    RestoreEngine.RestoreResult restoreLatest(Manifest backup, Path dataDir, int port) throws Exception {
        RestoreBackup command = new RestoreBackup(UUID.randomUUID().toString(), TARGET, Engine.POSTGRES,
                backup.backupId(), null, null, null, null, true, null,
                dataDir + "?port=" + port + "&keep-running=true", false, "bench", null, 1);
        return PgRestoreEngine.of(targets, pgConfig, agentConfig, pipeline, store, masterKey, layout)
                .restore(command, backup);
    }

    /** The WAL store the archiver writes and the restore reads. */
    WalStore walStore() {
        return new WalStore(store, layout, masterKey, TARGET, WriteOptions.of(agentConfig.storageClass()));
    }
}
