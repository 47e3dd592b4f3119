package io.lifeboat.dr.service;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.lifeboat.dr.domain.RunState;
import io.lifeboat.dr.domain.RunbookKind;
import io.lifeboat.dr.domain.StepState;
import io.lifeboat.dr.domain.TargetRuns;

/**
 * The {@code key=value} facts the failover steps write into their notes, and what a restarted orchestrator reads
 * back from them: which member is primary, which standby a run chose, which fenced member to watch.
 */
public final class RunNotes {

    /** Key of the member acting as primary: the old one in check-quorum, the new one in announce. */
    public static final String PRIMARY = "primary";
    /** Key of the standby check-standby chose, so a resumed run promotes the same one. */
    public static final String STANDBY = "standby";
    /** Key of the member fence-primary fenced. */
    public static final String FENCED = "fenced";
    /** Marker in fence-primary's note: the fence is not provable, the member is fenced when it returns. */
    public static final String WATCH_ON_RETURN = "watch=on-return";
    /** Trail action recorded when a watched member came back writable and was fenced. */
    public static final String FENCED_ON_RETURN = "fenced-on-return";

    private RunNotes() {
    }

    /**
     * Writes a fact the way {@link #value} reads it.
     *
     * @param key the key
     * @param value the value, without spaces or semicolons
     * @return {@code key=value}
     */
    public static String fact(String key, String value) {
        return key + "=" + value;
    }

    /**
     * Reads a fact from a step's note.
     *
     * @param run the run
     * @param stepId the step whose note holds the fact
     * @param key the key
     * @return the value, or empty when the step or its note has none
     */
    public static Optional<String> value(RunState run, String stepId, String key) {
        String note = run.step(stepId).map(StepState::note).orElse(null);
        if (note == null) {
            return Optional.empty();
        }
        Matcher matcher = Pattern.compile("(?:^|[;\\s])" + Pattern.quote(key) + "=([^;\\s]+)").matcher(note);
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    /**
     * Tells which member is the target's primary after its latest run.
     *
     * @param runs the target's latest run
     * @param configured the primary configured for the target's first start
     * @return the promoted standby once promote-standby is done, else the primary the run acted on, else the
     *         configured one
     */
    public static String primaryAfter(TargetRuns runs, String configured) {
        RunState run = runs.latest();
        if (run == null || run.kind() != RunbookKind.FAILOVER || run.dryRun()) {
            return configured;
        }
        if (run.done("promote-standby")) {
            Optional<String> promoted = value(run, "check-standby", STANDBY);
            if (promoted.isPresent()) {
                return promoted.get();
            }
        }
        return value(run, "check-quorum", PRIMARY).orElse(configured);
    }

    /**
     * Tells which fenced member still has to be fenced when it comes back.
     *
     * @param run the run
     * @return the member fenced without proof and not yet seen back, or empty
     */
    public static Optional<String> watchedOnReturn(RunState run) {
        if (run == null || !run.done("fence-primary")) {
            return Optional.empty();
        }
        String note = run.step("fence-primary").orElseThrow().note();
        boolean watched = note != null && note.contains(WATCH_ON_RETURN);
        boolean back = run.trail().stream().anyMatch(entry -> FENCED_ON_RETURN.equals(entry.action()));
        return watched && !back ? value(run, "fence-primary", FENCED) : Optional.empty();
    }
}
