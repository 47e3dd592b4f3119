package io.lifeboat.agentkit.pipeline;

/**
 * A snapshot of one artifact being written.
 *
 * @param rawBytes bytes the engine has written so far
 * @param storedBytes encrypted bytes handed to the object store so far
 * @param parts parts started so far (the last one may still be open)
 */
public record ArtifactProgress(long rawBytes, long storedBytes, int parts) {
}
