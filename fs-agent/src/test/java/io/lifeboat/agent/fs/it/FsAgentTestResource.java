package io.lifeboat.agent.fs.it;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import io.lifeboat.events.Topics;
import io.lifeboat.testkit.kafka.KafkaBroker;
import io.lifeboat.testkit.process.TempDirs;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Creates the agent's topics on the shared broker and points the agent at a fresh store and key file and at
 * targets whose trees the tests fill (each test its own, so that damage done by one never reaches another; all with
 * {@code *.tmp}, {@code *.log} and {@code cache/*} excluded) and at {@code missing} (a path that does not exist).
 * Chunks are small (4/16/64 KiB) so that the tests' files span many chunks and packs.
 */
public class FsAgentTestResource implements QuarkusTestResourceLifecycleManager {

    static final String GROUP = "lifeboat-fs-agent";
    static final String DOCS = "docs";
    static final String CHANGING = "changing";
    static final String DAMAGED = "damaged";
    static final String EXPIRING = "expiring";
    static final String CRAFTED = "crafted";
    static final String MISSING = "missing";

    static Path storeRoot;
    static Path work;

    @Override
    public Map<String, String> start() {
        KafkaBroker broker = KafkaBroker.shared();
        broker.createTopic(Topics.COMMANDS_FILESYSTEM.name(), 3, false);
        broker.createTopic(Topics.BACKUP_EVENTS.name(), 3, false);
        broker.createTopic(Topics.DEADLETTER.name(), 1, false);
        work = TempDirs.create("fs-agent-it");
        storeRoot = work.resolve("store");
        Map<String, String> config = new LinkedHashMap<>();
        config.put("lifeboat.agent.store.local-root", storeRoot.toString());
        config.put("lifeboat.agent.key.file", work.resolve("master.key").toString());
        for (String target : new String[]{DOCS, CHANGING, DAMAGED, EXPIRING, CRAFTED}) {
            config.put("lifeboat.fs.targets." + target + ".path", source(target).toString());
            config.put("lifeboat.fs.targets." + target + ".exclude", "*.tmp,*.log,cache/*");
        }
        config.put("lifeboat.fs.targets." + MISSING + ".path", work.resolve("no-such-dir").toString());
        config.put("lifeboat.fs.chunk.min-size", "4096");
        config.put("lifeboat.fs.chunk.avg-size", "16384");
        config.put("lifeboat.fs.chunk.max-size", "65536");
        config.put("lifeboat.fs.repository.pack-size", "262144");
        return config;
    }

    /** The directory target {@code id} backs up. */
    static Path source(String id) {
        return work.resolve("sources").resolve(id);
    }

    @Override
    public void stop() {
        TempDirs.deleteQuietly(work);
    }
}
