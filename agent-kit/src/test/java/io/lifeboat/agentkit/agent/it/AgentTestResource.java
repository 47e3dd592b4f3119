package io.lifeboat.agentkit.agent.it;

import java.nio.file.Path;
import java.util.Map;

import io.lifeboat.events.Topics;
import io.lifeboat.testkit.kafka.KafkaBroker;
import io.lifeboat.testkit.process.TempDirs;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** Creates the agent's topics on the shared broker and a fresh local object store and key file for the run. */
public class AgentTestResource implements QuarkusTestResourceLifecycleManager {

    static final String COMMANDS = Topics.COMMANDS_FILESYSTEM.name();
    static final String GROUP = "agent-kit-test";

    private Path dir;

    @Override
    public Map<String, String> start() {
        KafkaBroker broker = KafkaBroker.shared();
        broker.createTopic(COMMANDS, 3, false);
        broker.createTopic(Topics.BACKUP_EVENTS.name(), 3, false);
        broker.createTopic(Topics.DEADLETTER.name(), 1, false);
        dir = TempDirs.create("agent-kit-it");
        return Map.of("lifeboat.agent.store.local-root", dir.resolve("store").toString(),
                "lifeboat.agent.key.file", dir.resolve("master.key").toString());
    }

    @Override
    public void stop() {
        TempDirs.deleteQuietly(dir);
    }
}
