package io.lifeboat.health.probe;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;

import io.lifeboat.events.health.WatchedResource;

/**
 * Builds resource usages with their detail in words.
 */
final class Usages {

    private Usages() {
    }

    /**
     * Disk usage of the file system holding {@code path}; "used" counts the blocks reserved for root as used, since
     * the service writing there usually cannot have them.
     */
    static ResourceUsage disk(Path path) throws IOException {
        FileStore store = Files.getFileStore(path);
        long total = store.getTotalSpace();
        long usable = store.getUsableSpace();
        long used = Math.max(0, total - usable);
        return usage(WatchedResource.DISK, path.toString(), used, total, "used on " + path);
    }

    /** Memory usage of {@code instance}: {@code used} of {@code limit} bytes, {@code where} in words. */
    static ResourceUsage memory(String instance, long used, long limit, String where) {
        return usage(WatchedResource.MEMORY, instance, used, limit, where);
    }

    private static ResourceUsage usage(WatchedResource resource, String instance, long used, long total,
            String where) {
        double fraction = total <= 0 ? 0 : Math.min(1, Math.max(0, (double) used / total));
        return new ResourceUsage(resource, instance, fraction, Words.bytes(used) + " of " + Words.bytes(total) + " "
                + where);
    }
}
