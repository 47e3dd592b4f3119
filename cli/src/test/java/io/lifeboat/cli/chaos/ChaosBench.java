package io.lifeboat.cli.chaos;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.lifeboat.cli.chaos.agents.AgentKillScenario;
import io.lifeboat.cli.chaos.brokers.BrokerLossScenario;
import io.lifeboat.cli.chaos.fuzz.FuzzScenario;
import io.lifeboat.cli.chaos.store.StoreFaultScenario;

/**
 * {@code ./lifeboat bench chaos [SCENARIO...]}: runs the chosen chaos scenarios (all by default) one after the
 * other against real Lifeboat processes, prints one line of figures per scenario and the findings, and ends with
 * {@code RESULT chaos lost=... valid=...}; exits 1 when the figures miss the goal.
 */
public final class ChaosBench {

    private static final int SHOWN_FINDINGS = 25;

    private ChaosBench() {
    }

    /** The scenarios by name, in the order they run. */
    static Map<String, Supplier<ChaosScenario>> scenarios() {
        Map<String, Supplier<ChaosScenario>> all = new LinkedHashMap<>();
        all.put("agents", AgentKillScenario::new);
        all.put("brokers", BrokerLossScenario::new);
        all.put("fuzz", FuzzScenario::new);
        all.put("store", StoreFaultScenario::new);
        return all;
    }

    public static void main(String[] args) throws Exception {
        Map<String, Supplier<ChaosScenario>> known = scenarios();
        List<String> chosen = args.length == 0 ? List.copyOf(known.keySet()) : List.of(args);
        for (String name : chosen) {
            if (!known.containsKey(name)) {
                System.err.println("chaos: no scenario '" + name + "'; known: " + String.join(", ", known.keySet()));
                System.exit(2);
            }
        }
        List<ChaosTally> tallies = new ArrayList<>();
        for (String name : chosen) {
            long t0 = System.nanoTime();
            System.out.println("chaos: scenario " + name + " ...");
            ChaosTally tally = known.get(name).get().run();
            tallies.add(tally);
            System.out.printf("chaos: scenario %s done in %d s: %s%n", name, (System.nanoTime() - t0) / 1_000_000_000L,
                    tally.figures());
            tally.findings().stream().limit(SHOWN_FINDINGS).forEach(f -> System.out.println("  finding: " + f));
            if (tally.findings().size() > SHOWN_FINDINGS) {
                System.out.println("  ... and " + (tally.findings().size() - SHOWN_FINDINGS) + " more findings");
            }
        }
        ChaosTally total = ChaosTally.sum(tallies);
        System.out.println(total.meetsGoal() ? "chaos: goal met" : "chaos: goal missed");
        System.out.println(total.resultLine());
        System.out.flush();
        System.exit(total.meetsGoal() ? 0 : 1);
    }
}
