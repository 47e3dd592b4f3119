package io.lifeboat.agent.pg.engine;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a base backup's own files say about it: start LSN, timeline, label and start time from {@code backup_label};
 * stop LSN from the WAL range at the end of {@code backup_manifest}.
 *
 * @param startLsn WAL location where the backup started (replay begins at its checkpoint)
 * @param stopLsn WAL location where the backup ended; recovery must reach it to be consistent
 * @param timeline timeline the backup was taken on
 * @param label label given to pg_basebackup (the backup id)
 * @param startTime start time as the server wrote it
 */
public record BaseBackupInfo(String startLsn, String stopLsn, int timeline, String label, String startTime) {

    private static final Pattern START = Pattern.compile("^START WAL LOCATION: (\\S+)", Pattern.MULTILINE);
    private static final Pattern TIMELINE = Pattern.compile("^START TIMELINE: (\\d+)", Pattern.MULTILINE);
    private static final Pattern LABEL = Pattern.compile("^LABEL: (.*)$", Pattern.MULTILINE);
    private static final Pattern TIME = Pattern.compile("^START TIME: (.*)$", Pattern.MULTILINE);
    private static final Pattern RANGE = Pattern.compile(
            "\\{\\s*\"Timeline\":\\s*(\\d+),\\s*\"Start-LSN\":\\s*\"([0-9A-F/]+)\",\\s*\"End-LSN\":\\s*\"([0-9A-F/]+)\"",
            Pattern.CASE_INSENSITIVE);

    /** Parses both texts; fails naming the missing field when the stream lacked what every base backup has. */
    public static BaseBackupInfo parse(String backupLabel, String manifestTail) {
        String start = find(START, backupLabel, "START WAL LOCATION in backup_label");
        int timeline = Integer.parseInt(find(TIMELINE, backupLabel, "START TIMELINE in backup_label"));
        String stop = null;
        Matcher range = RANGE.matcher(manifestTail);
        while (range.find()) {
            stop = range.group(3); // the last range is the one on the backup's end timeline
        }
        if (stop == null) {
            throw new IllegalStateException("the base backup stream has no WAL-Ranges in backup_manifest");
        }
        return new BaseBackupInfo(start, stop, timeline, find(LABEL, backupLabel, "LABEL in backup_label").trim(),
                find(TIME, backupLabel, "START TIME in backup_label").trim());
    }

    private static String find(Pattern pattern, String text, String what) {
        Matcher matcher = pattern.matcher(text);
        if (!matcher.find()) {
            throw new IllegalStateException("the base backup stream has no " + what);
        }
        return matcher.group(1);
    }
}
