package io.lifeboat.agent.pg.wal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.postgresql.replication.LogSequenceNumber;

/** WAL file names and LSN arithmetic, as PostgreSQL's {@code XLogFileName} computes them. */
public final class WalSegments {

    private static final Pattern SEGMENT_NAME = Pattern.compile("[0-9A-F]{24}");
    private static final Pattern TIMELINE_HEX = Pattern.compile("[0-9A-F]{8}");
    private static final Pattern LSN = Pattern.compile("([0-9A-Fa-f]{1,8})/([0-9A-Fa-f]{1,8})");

    private WalSegments() {
    }

    /** {@code 000000010000000000000003}: timeline, then the segment number split at 4 GiB of WAL. */
    public static String fileName(long timeline, long segmentNumber, long segmentSize) {
        long perXlogId = 0x1_0000_0000L / segmentSize;
        return String.format("%08X%08X%08X", timeline, segmentNumber / perXlogId, segmentNumber % perXlogId);
    }

    /** The segment number of a WAL file name (the timeline part is ignored). */
    public static long segmentNumber(String fileName, long segmentSize) {
        if (!isSegmentName(fileName)) {
            throw new IllegalArgumentException("'" + fileName + "' is not a WAL segment file name");
        }
        long perXlogId = 0x1_0000_0000L / segmentSize;
        return Long.parseLong(fileName.substring(8, 16), 16) * perXlogId + Long.parseLong(fileName.substring(16), 16);
    }

    public static boolean isSegmentName(String name) {
        return SEGMENT_NAME.matcher(name).matches();
    }

    public static boolean isTimelineHex(String name) {
        return TIMELINE_HEX.matcher(name).matches();
    }

    /** The 8-hex-digit timeline, the folder of a timeline's segments in the store. */
    public static String timelineHex(long timeline) {
        return String.format("%08X", timeline);
    }

    /** The file name of the segment that holds {@code lsn}. */
    public static String segmentOf(long timeline, long lsn, long segmentSize) {
        return fileName(timeline, lsn / segmentSize, segmentSize);
    }

    /** Parses an LSN as PostgreSQL prints it ({@code 0/3000028}); throws naming the text when it is not one. */
    public static long parseLsn(String text) {
        Matcher m = LSN.matcher(text == null ? "" : text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a WAL position (expected an LSN such as "
                    + "0/3000028)");
        }
        return Long.parseLong(m.group(1), 16) << 32 | Long.parseLong(m.group(2), 16);
    }

    public static String format(long lsn) {
        return LogSequenceNumber.valueOf(lsn).asString();
    }
}
