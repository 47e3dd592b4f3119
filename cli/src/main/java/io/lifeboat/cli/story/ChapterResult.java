package io.lifeboat.cli.story;

import java.time.Duration;

/**
 * How one chapter of the demo's story ended.
 *
 * @param title the chapter's title
 * @param passed whether everything the chapter shows happened
 * @param took how long the chapter took
 * @param detail what was measured, or why it failed
 */
public record ChapterResult(String title, boolean passed, Duration took, String detail) {
}
