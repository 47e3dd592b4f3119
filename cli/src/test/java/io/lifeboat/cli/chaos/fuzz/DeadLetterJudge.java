package io.lifeboat.cli.chaos.fuzz;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Matches the records read back from {@code lifeboat.deadletter} with the records the fuzz scenario sent: a malformed
 * record counts as dead-lettered when every group that consumes its topic dead-lettered it with a reason; a group
 * that dead-lettered it twice duplicated it; a valid record found there is a finding. Not thread-safe.
 */
public final class DeadLetterJudge {

    /** How many reasons are kept per kind of malformation, for the report. */
    static final int REASONS_PER_KIND = 2;

    private final Map<String, FuzzRecord> sent = new LinkedHashMap<>();
    private final Map<String, Map<String, List<String>>> letters = new HashMap<>();
    private final List<String> strangers = new ArrayList<>();

    /** Records a record the scenario sent. */
    public void sent(FuzzRecord record) {
        sent.put(record.id(), record);
    }

    /**
     * Records a dead-letter record.
     *
     * @param id the chaos id of the original record (its header, else its key), or null when it has none
     * @param group the consumer group that dead-lettered it, or null
     * @param reason its {@code lifeboat.dlq.reason}, or null
     */
    public void deadLettered(String id, String group, String reason) {
        if (id == null || !sent.containsKey(id)) {
            strangers.add((group == null ? "?" : group) + ": " + reason);
            return;
        }
        letters.computeIfAbsent(id, k -> new HashMap<>()).computeIfAbsent(group == null ? "?" : group,
                k -> new ArrayList<>()).add(reason);
    }

    /** Whether every malformed record has been dead-lettered by every group that must, so waiting can stop. */
    public boolean complete() {
        return sent.values().stream().filter(FuzzRecord::malformed).allMatch(this::deadLetteredByAll);
    }

    /** Judges what was read so far. */
    public Verdict verdict() {
        long malformed = 0;
        long deadLettered = 0;
        long duplicated = 0;
        Map<String, List<String>> problems = new LinkedHashMap<>();
        Map<String, long[]> byKind = new TreeMap<>();
        Map<String, long[]> byTopic = new TreeMap<>();
        Map<String, List<String>> reasons = new TreeMap<>();
        for (FuzzRecord record : sent.values()) {
            Map<String, List<String>> byGroup = letters.getOrDefault(record.id(), Map.of());
            if (!record.malformed()) {
                if (!byGroup.isEmpty()) {
                    problem(problems, "valid " + record.template().type() + " records on " + record.topic()
                            + " were dead-lettered by " + byGroup.keySet(), record.id() + ": " + first(byGroup));
                }
                continue;
            }
            malformed++;
            long[] kind = byKind.computeIfAbsent(record.kind().name(), k -> new long[2]);
            long[] topic = byTopic.computeIfAbsent(record.topic(), k -> new long[2]);
            kind[0]++;
            topic[0]++;
            for (Map.Entry<String, List<String>> group : byGroup.entrySet()) {
                if (group.getValue().size() > 1) {
                    duplicated++;
                    problem(problems, record.kind() + " records on " + record.topic() + " were dead-lettered more "
                            + "than once by " + group.getKey(), record.id());
                }
                if (!record.template().groups().contains(group.getKey())) {
                    problem(problems, record.kind() + " records on " + record.topic()
                            + " were dead-lettered by unexpected group " + group.getKey(), record.id());
                }
            }
            if (deadLetteredByAll(record)) {
                deadLettered++;
                kind[1]++;
                topic[1]++;
                List<String> kept = reasons.computeIfAbsent(record.kind().name(), k -> new ArrayList<>());
                String reason = first(byGroup);
                if (kept.size() < REASONS_PER_KIND && kept.stream().noneMatch(r -> r.equals(reason))) {
                    kept.add(reason);
                }
            } else {
                List<String> missing = new ArrayList<>(record.template().groups());
                missing.removeIf(g -> hasReason(byGroup.get(g)));
                problem(problems, record.kind() + " records on " + record.topic()
                        + " were not dead-lettered with a reason by " + missing, record.id());
            }
        }
        List<String> findings = new ArrayList<>();
        problems.forEach((problem, ids) -> findings.add(ids.size() + " " + problem + ", e.g. " + ids.get(0)));
        if (!strangers.isEmpty()) {
            findings.add(strangers.size() + " dead letters match no record sent, e.g. " + strangers.get(0));
        }
        return new Verdict(malformed, deadLettered, duplicated, byKind, byTopic, reasons, findings);
    }

    private static void problem(Map<String, List<String>> problems, String problem, String example) {
        problems.computeIfAbsent(problem, k -> new ArrayList<>()).add(example);
    }

    private boolean deadLetteredByAll(FuzzRecord record) {
        Map<String, List<String>> byGroup = letters.getOrDefault(record.id(), Map.of());
        return record.template().groups().stream().allMatch(g -> hasReason(byGroup.get(g)));
    }

    private static boolean hasReason(List<String> reasons) {
        return reasons != null && reasons.stream().anyMatch(r -> r != null && !r.isBlank());
    }

    private static String first(Map<String, List<String>> byGroup) {
        return byGroup.values().stream().flatMap(List::stream).filter(r -> r != null && !r.isBlank()).findFirst()
                .orElse("(no reason)");
    }

    /**
     * What the dead-letter topic showed.
     *
     * @param malformed malformed records sent
     * @param deadLettered malformed records every consuming group dead-lettered with a reason
     * @param duplicated dead letters beyond the first of one record by one group
     * @param byKind per kind of malformation: sent and dead-lettered
     * @param byTopic per topic: sent and dead-lettered
     * @param reasons a few reasons per kind
     * @param findings one line per kind, topic and problem (missed, duplicated, wrongly dead-lettered), with a count
     */
    public record Verdict(long malformed, long deadLettered, long duplicated, Map<String, long[]> byKind,
            Map<String, long[]> byTopic, Map<String, List<String>> reasons, List<String> findings) {
    }
}
