package io.lifeboat.cli.chaos;

import java.util.ArrayList;
import java.util.List;

/**
 * What one chaos scenario (or all of them summed) measured: the losses and faults that must stay at zero, the
 * malformed records sent and dead-lettered with a reason, the valid records sent and completed, and a line per finding
 * that names what went wrong.
 *
 * @param scenario the scenario's name, {@code all} for a sum
 * @param lost valid commands or facts that left no trace where they had to (no outcome, not folded, unreadable)
 * @param duplicated valid commands or facts that took effect more than once (two backups for one command, a fact
 *        counted twice)
 * @param stuck commands that started but had no outcome when the scenario's patience ran out
 * @param consumerCrashes service processes or consumers that died or stopped consuming without being killed
 * @param malformed malformed records sent
 * @param deadlettered malformed records found on {@code lifeboat.deadletter} with a reason
 * @param valid valid commands or facts sent
 * @param validCompleted valid commands that completed, or facts that took effect
 * @param findings one line per fault, naming the object and what happened
 */
public record ChaosTally(String scenario, long lost, long duplicated, long stuck, long consumerCrashes, long malformed,
        long deadlettered, long valid, long validCompleted, List<String> findings) {

    public ChaosTally {
        findings = List.copyOf(findings);
    }

    /** The sum of the tallies, named {@code all}. */
    public static ChaosTally sum(List<ChaosTally> tallies) {
        long lost = 0;
        long duplicated = 0;
        long stuck = 0;
        long crashes = 0;
        long malformed = 0;
        long deadlettered = 0;
        long valid = 0;
        long completed = 0;
        List<String> findings = new ArrayList<>();
        for (ChaosTally t : tallies) {
            lost += t.lost;
            duplicated += t.duplicated;
            stuck += t.stuck;
            crashes += t.consumerCrashes;
            malformed += t.malformed;
            deadlettered += t.deadlettered;
            valid += t.valid;
            completed += t.validCompleted;
            t.findings.forEach(f -> findings.add(t.scenario + ": " + f));
        }
        return new ChaosTally("all", lost, duplicated, stuck, crashes, malformed, deadlettered, valid, completed,
                findings);
    }

    /**
     * True when nothing was lost, duplicated or stuck, no consumer crashed, every malformed record was dead-lettered
     * and every valid one completed.
     */
    public boolean meetsGoal() {
        return lost == 0 && duplicated == 0 && stuck == 0 && consumerCrashes == 0 && deadlettered == malformed
                && validCompleted == valid;
    }

    /** The figures as {@code key=value} pairs, in the order of the bench's RESULT line. */
    public String figures() {
        return "lost=" + lost + " duplicated=" + duplicated + " stuck=" + stuck + " consumer_crashes="
                + consumerCrashes + " deadlettered=" + deadlettered + " valid_completed=" + validCompleted
                + " malformed=" + malformed + " valid=" + valid;
    }

    /** The bench's last line: {@code RESULT chaos lost=... valid=...}. */
    public String resultLine() {
        return "RESULT chaos " + figures();
    }
}
