package io.lifeboat.cli.ops.domain;

import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The {@code watch} verb's line per event: time, topic, type, target and the few fields that say what happened. */
public final class EventLines {

    // In this order: what a person scanning a feed looks for first.
    private static final List<String> SUMMARY_FIELDS = List.of("runId", "command", "failoverId", "backupId", "phase",
            "status",
            "backupType", "stepName", "stepId", "passed", "failedStep", "reason", "failureReason", "outcome");
    private static final int SUMMARY_FIELDS_SHOWN = 4;
    private static final int VALUE_LENGTH = 80;

    private EventLines() {
    }

    /** One line: {@code 2026-11-21T09:41:59Z  lifeboat.dr.events  FailoverCompleted  orders-db  failoverId=...}. */
    public static String line(Instant time, String topic, String type, String target, Object payload) {
        return String.format("%s  %-24s %-22s %-16s %s", Human.instant(time), topic, type, target, summary(payload))
                .stripTrailing();
    }

    /** The line of a record that is not a Lifeboat event, so that it is seen rather than skipped. */
    public static String undecodable(Instant time, String topic, int partition, long offset, String key,
            String why) {
        return String.format("%s  %-24s %-22s %-16s %s", Human.instant(time), topic, "UNDECODABLE", key,
                "at " + partition + "/" + offset + ": " + why).stripTrailing();
    }

    /** The first few telling fields of a record payload as {@code name=value}, e.g. {@code backupId=bk-9 phase=...}. */
    public static String summary(Object payload) {
        if (payload == null || !payload.getClass().isRecord()) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        RecordComponent[] components = payload.getClass().getRecordComponents();
        for (String field : SUMMARY_FIELDS) {
            for (RecordComponent component : components) {
                if (component.getName().equals(field) && parts.size() < SUMMARY_FIELDS_SHOWN) {
                    Object value = value(component, payload);
                    if (value != null) {
                        parts.add(field + "=" + shorten(String.valueOf(value)));
                    }
                }
            }
        }
        return String.join(" ", parts);
    }

    private static Object value(RecordComponent component, Object payload) {
        try {
            return component.getAccessor().invoke(payload);
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }

    private static String shorten(String value) {
        String oneLine = value.replaceAll("\\s+", " ");
        return oneLine.length() > VALUE_LENGTH ? oneLine.substring(0, VALUE_LENGTH - 3) + "..." : oneLine;
    }
}
