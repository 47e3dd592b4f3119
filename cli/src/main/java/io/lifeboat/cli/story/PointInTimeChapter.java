package io.lifeboat.cli.story;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Chapter three: a mistake on the PostgreSQL primary (orders deleted), then {@code lifeboat restore demo-pg --at
 * SECOND} into a new instance: the newest full backup before that second plus the archived WAL replayed to it. The
 * new instance has the orders, the damaged primary is left as it is, and the cut-over waits for an approval.
 */
final class PointInTimeChapter implements Chapter {

    private static final Duration PATIENCE = Duration.ofMinutes(3);
    private static final int DELETED = 100;

    @Override
    public String title() {
        return "point-in-time restore";
    }

    @Override
    public String tell(StoryStage stage) throws Exception {
        String orders = "SELECT count(*) FROM orders";
        long before = stage.number(stage.primary().jdbcUrl(), orders);
        // A whole second with no write in it, then the mistake: the second is what an operator would pick.
        Thread.sleep(1_200);
        Instant chosen = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Thread.sleep(Duration.between(Instant.now(), chosen.plusMillis(1_300)).toMillis());
        StoryStage.execute(stage.primary(), "DELETE FROM orders WHERE id <= " + DELETED);
        Instant mistake = Instant.now();
        long mistakeLsn = stage.number(stage.primary().jdbcUrl(), "SELECT pg_current_wal_lsn() - '0/0'");
        stage.say("at " + local(mistake) + " " + DELETED + " orders are deleted by mistake; " + before + " orders at "
                + local(chosen));
        stage.await("the catalog to see the WAL of the mistake archived (demo-pg's archived position to pass "
                + mistakeLsn + ")", PATIENCE, () -> archived(stage, mistakeLsn));
        stage.say("lifeboat restore demo-pg --at " + chosen + " --wait");
        long started = System.nanoTime();
        JsonNode run = stage.ops().json("restore", StoryStage.PG, "--at", chosen.toString(), "--reason", DELETED
                + " orders deleted by mistake", "--as", "demo-operator", "--wait", "--timeout", "5m");
        long took = Duration.ofNanos(System.nanoTime() - started).toSeconds();
        String runId = run.path("runId").asText();
        if (!"AWAITING_APPROVAL".equals(run.path("state").asText())) {
            throw new StoryFailure("restore run " + runId + " ended " + run.path("state").asText()
                    + " instead of waiting for the cut-over approval: " + run);
        }
        String restoredUrl = "jdbc:postgresql://localhost:" + stage.restorePort() + "/postgres";
        long restored = stage.number(restoredUrl, orders);
        long damaged = stage.number(stage.primary().jdbcUrl(), orders);
        stage.say("new instance " + restoredUrl + ": " + restored + " orders; the damaged primary: " + damaged);
        if (restored != before || damaged != before - DELETED) {
            throw new StoryFailure("restore run " + runId + " to " + chosen + " has " + restored + " orders where "
                    + before + " were expected (the primary has " + damaged + ")");
        }
        stage.say("lifeboat failover demo-pg --approve " + runId + "   (the cut-over)");
        JsonNode approved = stage.ops().json("failover", StoryStage.PG, "--approve", runId, "--as", "demo-operator",
                "--wait", "--timeout", "2m");
        if (!"COMPLETED".equals(approved.path("state").asText())) {
            throw new StoryFailure("restore run " + runId + " is " + approved.path("state").asText()
                    + " after the cut-over was approved: " + approved);
        }
        return "to " + local(chosen) + " in " + took + " s: " + restored + " orders back (primary " + damaged
                + "); cut-over approved";
    }

    // The WAL up to the mistake must be stored before a restore can replay past the chosen second.
    private static boolean archived(StoryStage stage, long lsn) throws Exception {
        JsonNode position = stage.target(StoryStage.PG).path("archive").path("archivedPosition");
        return position.isTextual() && lsn(position.asText()) >= lsn;
    }

    /** An LSN such as {@code 0/5A01B28} as a number. */
    static long lsn(String text) {
        int slash = text.indexOf('/');
        return (Long.parseLong(text.substring(0, slash), 16) << 32) | Long.parseLong(text.substring(slash + 1), 16);
    }

    static String local(Instant at) {
        return LocalTime.ofInstant(at, ZoneId.systemDefault()).truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
