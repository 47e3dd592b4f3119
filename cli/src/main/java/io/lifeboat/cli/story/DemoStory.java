package io.lifeboat.cli.story;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.lifeboat.cli.ops.domain.Human;
import io.lifeboat.cli.ops.domain.TextTable;
import io.lifeboat.testkit.postgres.PostgresServer;

/**
 * The story {@code ./lifeboat demo} tells on its running stack, chapter by chapter: backups of the four engines, the
 * live RPO lag, a point-in-time restore, a failover after the primary is killed and a drill, then a summary table.
 * Every chapter runs even when an earlier one failed, so that the summary shows all of them.
 */
public final class DemoStory {

    /** The line that ends the story; the rest of it says how many chapters passed. */
    public static final String LAST_LINE = "story:";

    private final List<Chapter> chapters;
    private final StoryStage stage;

    private DemoStory(List<Chapter> chapters, StoryStage stage) {
        this.chapters = chapters;
        this.stage = stage;
    }

    /**
     * The demo's story on a stack.
     *
     * @param targets the four demo targets, PostgreSQL first
     * @param primary the PostgreSQL target's primary
     * @param standby its standby
     * @param restorePort where a restore of the PostgreSQL target listens
     * @param catalog the catalog's base URL
     * @param scheduler the scheduler's base URL
     * @param bootstrap Kafka's bootstrap servers
     * @param console where to tell it
     * @return the story, ready to tell
     */
    public static DemoStory of(List<String> targets, PostgresServer primary, PostgresServer standby, int restorePort,
            String catalog, String scheduler, String bootstrap, PrintStream console) {
        StoryStage stage = new StoryStage(new OpsCall(catalog, scheduler, bootstrap), primary, standby, restorePort,
                catalog, scheduler, console);
        return new DemoStory(List.of(new BackupsChapter(targets), new RpoChapter(targets, 3, Duration.ofSeconds(3)),
                new PointInTimeChapter(), new FailoverChapter(), new DrillChapter()), stage);
    }

    /** Tells every chapter and the summary; returns whether every chapter passed. */
    public boolean tell() {
        List<ChapterResult> results = new ArrayList<>();
        for (int i = 0; i < chapters.size(); i++) {
            Chapter chapter = chapters.get(i);
            stage.console().println();
            stage.console().println("== " + (i + 1) + "/" + chapters.size() + " " + chapter.title());
            long started = System.nanoTime();
            ChapterResult result;
            try {
                String detail = chapter.tell(stage);
                result = new ChapterResult(chapter.title(), true, since(started), detail);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                results.add(new ChapterResult(chapter.title(), false, since(started), "interrupted"));
                break;
            } catch (Exception | AssertionError e) {
                result = new ChapterResult(chapter.title(), false, since(started), String.valueOf(e.getMessage()));
                stage.say("FAILED: " + e.getMessage());
            }
            results.add(result);
        }
        long passed = results.stream().filter(ChapterResult::passed).count();
        stage.console().println();
        stage.console().print(summary(results));
        stage.console().println(LAST_LINE + " " + passed + " of " + chapters.size() + " chapters passed");
        stage.console().flush();
        return passed == chapters.size();
    }

    /** The summary table of {@code results}. */
    static String summary(List<ChapterResult> results) {
        TextTable table = new TextTable(List.of("CHAPTER", "RESULT", "TOOK", "WHAT HAPPENED"), Set.of(2));
        for (ChapterResult r : results) {
            table.row(r.title(), r.passed() ? "PASSED" : "FAILED", Human.duration(r.took().toSeconds()), r.detail());
        }
        return table.render();
    }

    private static Duration since(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }
}
