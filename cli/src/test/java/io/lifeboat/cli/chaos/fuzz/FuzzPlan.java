package io.lifeboat.cli.chaos.fuzz;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.lifeboat.events.Topics;

/**
 * The records of one fuzz run in the order they are sent: on every consumed topic an equal share of the malformed
 * records, each applicable kind in turn (large kinds only a few times per topic), shuffled with the valid records of
 * that topic, whose last ones are sent after every malformed one; the topics interleaved record by record.
 *
 * @param records every record, in send order
 */
public record FuzzPlan(List<FuzzRecord> records) {

    /** How many records of a large kind each topic gets. */
    static final int LARGE_PER_TOPIC = 2;
    /** How many valid records of a topic are kept back until its malformed records are all sent. */
    static final int VALID_LAST = 2;

    public FuzzPlan {
        records = List.copyOf(records);
    }

    /**
     * Builds a plan.
     *
     * @param seed seed of every random choice
     * @param now the records' {@code ce_time}
     * @param malformed how many malformed records in all
     * @param commandsPerAgent valid {@code RunBackup} commands per agent
     * @param facts valid {@code BackupCompleted} facts of the fact target
     * @return the plan
     */
    public static FuzzPlan build(long seed, Instant now, int malformed, int commandsPerAgent, int facts) {
        Random random = new Random(seed);
        MalformedRecords generator = new MalformedRecords(random, now);
        List<FuzzTemplate> templates = FuzzTargets.all();
        Map<String, Deque<FuzzRecord>> byTopic = new LinkedHashMap<>();
        int next = 0;
        for (int t = 0; t < templates.size(); t++) {
            FuzzTemplate template = templates.get(t);
            int share = malformed / templates.size() + (t < malformed % templates.size() ? 1 : 0);
            List<FuzzRecord> malformedOfTopic = new ArrayList<>();
            List<FuzzKind> kinds = MalformedRecords.kindsFor(template);
            Map<FuzzKind, Integer> used = new LinkedHashMap<>();
            for (int i = 0; malformedOfTopic.size() < share; i++) {
                FuzzKind kind = kinds.get(i % kinds.size());
                if (kind.large() && used.getOrDefault(kind, 0) >= LARGE_PER_TOPIC) {
                    continue;
                }
                used.merge(kind, 1, Integer::sum);
                malformedOfTopic.add(generator.malformed(template, kind, "f" + next++));
            }
            List<FuzzRecord> valid = new ArrayList<>();
            if (template.agentEngine() != null) {
                for (int i = 0; i < commandsPerAgent; i++) {
                    String id = "f" + next++;
                    valid.add(generator.valid(template, FuzzTargets.runBackup(template, "fuzz-cmd-" + id), id));
                }
            } else if (template.topic().equals(Topics.BACKUP_EVENTS.name())) {
                for (int i = 0; i < facts; i++) {
                    String id = "f" + next++;
                    valid.add(generator.valid(template,
                            FuzzTargets.backupCompleted(template, "fuzz-bk-" + id, "fuzz-fact-" + id), id));
                }
            }
            int last = Math.min(VALID_LAST, valid.size());
            List<FuzzRecord> mixed = new ArrayList<>(malformedOfTopic);
            mixed.addAll(valid.subList(0, valid.size() - last));
            Collections.shuffle(mixed, random);
            mixed.addAll(valid.subList(valid.size() - last, valid.size()));
            byTopic.put(template.topic(), new LinkedList<>(mixed));
        }
        List<FuzzRecord> order = new ArrayList<>();
        while (byTopic.values().stream().anyMatch(q -> !q.isEmpty())) {
            byTopic.values().forEach(q -> {
                if (!q.isEmpty()) {
                    order.add(q.poll());
                }
            });
        }
        return new FuzzPlan(order);
    }

    /** The malformed records. */
    public List<FuzzRecord> malformed() {
        return records.stream().filter(FuzzRecord::malformed).toList();
    }

    /** The valid records. */
    public List<FuzzRecord> valid() {
        return records.stream().filter(r -> !r.malformed()).toList();
    }
}
