package io.lifeboat.catalog.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

import org.apache.kafka.clients.producer.ProducerRecord;

import io.lifeboat.catalog.testing.Facts;
import io.lifeboat.events.LifeboatMessage;
import io.lifeboat.events.backup.BackupCompleted;
import io.lifeboat.events.backup.BackupProgressed;
import io.lifeboat.events.envelope.Envelope;
import io.lifeboat.events.envelope.EventCodec;
import io.lifeboat.events.policy.Retention;

/**
 * The benchmark's facts, seeded: every target gets a policy (RPO 15 min, 7 daily backups kept) and then one backup
 * cycle a day over the past days (started, two progress reports, completed, verified; 5% of the cycles fail after
 * one progress report, 3% of the verifications fail) with five WAL-archive reports between cycles (1% of them a lost
 * segment), the newest just before now. Targets are interleaved round-robin, each target's facts in time order, and
 * encoded as CloudEvents up front.
 */
final class BenchFacts {

    /** The RPO of every generated policy. */
    static final Duration RPO = Duration.ofMinutes(15);
    private static final Retention SEVEN_DAILY = new Retention(0, 7, 0, 0, 0, null);
    private static final int ARCHIVES_PER_GAP = 5;
    private static final int FAILED_PERCENT = 5;
    private static final int VERIFICATION_FAILED_PERCENT = 3;
    private static final int GAP_PERCENT = 1;
    private static final EventCodec CODEC = new EventCodec();

    /** Encoded records in send order. */
    final List<ProducerRecord<String, byte[]>> records;
    /** Send-order indexes of sampled completions, with the target and consistentAt the RPO lag should report. */
    final Map<Integer, BackupCompleted> sampledCompletions = new TreeMap<>();
    /** Count per fact type. */
    final Map<String, Integer> mix = new TreeMap<>();

    private BenchFacts(int facts) {
        this.records = new ArrayList<>(facts);
    }

    /** Generates {@code facts} facts over {@code targets} targets, every {@code sampleEvery}-th completion sampled. */
    static BenchFacts generate(int facts, int targets, Instant now, int sampleEvery, long seed) {
        BenchFacts out = new BenchFacts(facts);
        int perTarget = Math.max(1, facts / targets);
        List<List<LifeboatMessage>> byTarget = new ArrayList<>(targets);
        SplittableRandom random = new SplittableRandom(seed);
        for (int t = 0; t < targets; t++) {
            byTarget.add(target(String.format("bench-%05d", t), perTarget, now, random));
        }
        int completions = 0;
        for (int i = 0; i < perTarget && out.records.size() < facts; i++) {
            for (List<LifeboatMessage> target : byTarget) {
                if (i < target.size() && out.records.size() < facts) {
                    LifeboatMessage fact = target.get(i);
                    if (fact instanceof BackupCompleted completed && completions++ % sampleEvery == 0) {
                        out.sampledCompletions.put(out.records.size(), completed);
                    }
                    out.mix.merge(fact.getClass().getSimpleName(), 1, Integer::sum);
                    out.records.add(encode(fact));
                }
            }
        }
        return out;
    }

    /** The CloudEvent of one fact, as an agent would publish it. */
    static ProducerRecord<String, byte[]> encode(LifeboatMessage fact) {
        return CODEC.encode(Envelope.of(Envelope.sourceOf("bench"), fact));
    }

    /** The mix as {@code Type=count (x.y%), ...}. */
    String describeMix() {
        int total = records.size();
        StringBuilder text = new StringBuilder();
        mix.forEach((type, count) -> text.append(text.isEmpty() ? "" : ", ").append(String.format("%s=%d (%.1f%%)",
                type, count, 100.0 * count / total)));
        return text.toString();
    }

    private static List<LifeboatMessage> target(String id, int count, Instant now, SplittableRandom random) {
        // Draws the cycles' outcomes first, so that the cycles fill the days up to now whatever their length.
        List<Integer> outcomes = new ArrayList<>();
        for (int size = 1; size < count;) {
            int draw = random.nextInt(100);
            outcomes.add(draw);
            size += (draw < FAILED_PERCENT ? 3 : 5) + ARCHIVES_PER_GAP;
        }
        int days = outcomes.size();
        List<LifeboatMessage> facts = new ArrayList<>(count);
        Instant end = now.minus(Duration.ofMinutes(1));
        Instant begin = end.minus(Duration.ofDays(days));
        facts.add(Facts.policy(id, RPO, SEVEN_DAILY, begin.minus(Duration.ofHours(1))));
        for (int day = 0; day < days; day++) {
            Instant start = begin.plus(Duration.ofDays(day)).plusSeconds(random.nextInt(3600));
            String backupId = id + "-b" + day;
            int outcome = outcomes.get(day);
            facts.add(Facts.started(id, backupId, start));
            facts.add(new BackupProgressed(backupId, id, 400_000_000L, 150_000_000L, 1_000_000_000L,
                    start.plusSeconds(300)));
            if (outcome < FAILED_PERCENT) {
                facts.add(Facts.failed(id, backupId, start.plusSeconds(400)));
            } else {
                facts.add(new BackupProgressed(backupId, id, 800_000_000L, 300_000_000L, 1_000_000_000L,
                        start.plusSeconds(600)));
                // Consistent after the last archived commit, so that the completion moves the restorable point.
                facts.add(Facts.completed(id, backupId, start.plusSeconds(840)));
                facts.add(outcome >= 100 - VERIFICATION_FAILED_PERCENT
                        ? Facts.verificationFailed(id, backupId, start.plusSeconds(1200))
                        : Facts.verified(id, backupId, start.plusSeconds(1200)));
            }
            Instant from = start.plusSeconds(1260);
            Instant to = day + 1 < days ? begin.plus(Duration.ofDays(day + 1)) : end;
            long step = Math.max(1, Duration.between(from, to).toSeconds() / ARCHIVES_PER_GAP);
            for (int a = 1; a <= ARCHIVES_PER_GAP; a++) {
                Instant at = from.plusSeconds(step * a);
                facts.add(random.nextInt(100) < GAP_PERCENT ? Facts.gap(id, at) : Facts.archived(id, at, at, at));
            }
        }
        return facts.subList(0, Math.min(count, facts.size()));
    }
}
