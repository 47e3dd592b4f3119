package io.lifeboat.cli.chaos.agents;

import java.util.ArrayList;
import java.util.List;

/**
 * The rounds of the agent-kill scenario: {@code roundsPerEngine} per engine, each with a kill moment, rotated so that
 * every engine meets every moment once per five rounds and no engine starts with {@link KillMoment#NEAR_END} (which
 * needs a backup time measured in an earlier round).
 */
final class KillSchedule {

    private static final List<KillMoment> ROTATION = List.of(KillMoment.AFTER_START, KillMoment.MID_STREAM,
            KillMoment.MANIFEST_STORED, KillMoment.AFTER_OUTCOME, KillMoment.NEAR_END);

    private KillSchedule() {
    }

    /**
     * The kill moments of one engine's rounds, in order.
     *
     * @param engineIndex the engine's position among the engines, from 0
     * @param rounds how many rounds the engine runs
     * @return one moment per round
     */
    static List<KillMoment> of(int engineIndex, int rounds) {
        if (engineIndex < 0 || engineIndex >= ROTATION.size() - 1) {
            throw new IllegalArgumentException("engine index " + engineIndex + " is outside 0.." + (ROTATION.size()
                    - 2) + ": a fifth engine would start with NEAR_END, before any backup time is measured");
        }
        List<KillMoment> moments = new ArrayList<>(rounds);
        for (int round = 0; round < rounds; round++) {
            moments.add(ROTATION.get((engineIndex + round) % ROTATION.size()));
        }
        return moments;
    }

    /**
     * How long after {@code BackupStarted} a {@link KillMoment#NEAR_END} kill comes.
     *
     * @param measuredMillis the engine's last uninterrupted backup time, 0 when none was measured yet
     * @param fallbackMillis the delay to use without a measurement
     * @return four fifths of the measured time, or the fallback
     */
    static long nearEndDelayMillis(long measuredMillis, long fallbackMillis) {
        return measuredMillis > 0 ? measuredMillis * 4 / 5 : fallbackMillis;
    }
}
