package io.lifeboat.agentkit.storage;

import java.time.Instant;

/**
 * What the store knows about one object.
 *
 * @param key the object's key
 * @param size size in bytes
 * @param storageClass the tier the object is stored in
 * @param lastModified when the object was last written
 */
public record ObjectInfo(String key, long size, StorageClass storageClass, Instant lastModified) {
}
