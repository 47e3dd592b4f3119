package io.lifeboat.agentkit.storage;

import java.io.IOException;

/** Opens the object store that {@link StoreSettings} describe: the local directory or the S3 bucket. */
public final class ObjectStores {

    private ObjectStores() {
    }

    /** A new store that the caller closes; fails naming the location when it cannot be opened. */
    public static ObjectStore create(StoreSettings settings) throws IOException {
        return switch (settings.driver()) {
            case LOCAL -> new LocalObjectStore(settings.localRoot());
            case S3 -> new S3ObjectStore(settings);
        };
    }
}
