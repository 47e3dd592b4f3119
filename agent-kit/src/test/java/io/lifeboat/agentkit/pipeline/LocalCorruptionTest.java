package io.lifeboat.agentkit.pipeline;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;

import io.lifeboat.agentkit.storage.LocalObjectStore;
import io.lifeboat.agentkit.storage.ObjectStore;

/** The corruption cases against the local directory driver. */
class LocalCorruptionTest extends CorruptionContract {

    @TempDir
    Path root;

    @Override
    ObjectStore openStore() throws IOException {
        return new LocalObjectStore(root);
    }
}
