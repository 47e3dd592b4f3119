package io.lifeboat.testkit.process;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Stops servers that are still running when the JVM exits, newest first, so that an aborted test run leaves no
 * postgres or redis-server processes behind. One shutdown hook serves every fixture.
 */
public final class JvmExit {

    private static final Set<Runnable> ACTIONS = new LinkedHashSet<>();
    private static boolean hookInstalled;

    private JvmExit() {
    }

    /** Runs {@code action} at JVM exit unless {@link #cancel} is called first (when the fixture was closed). */
    public static synchronized void register(Runnable action) {
        if (!hookInstalled) {
            Runtime.getRuntime().addShutdownHook(new Thread(JvmExit::runAll, "lifeboat-testkit-shutdown"));
            hookInstalled = true;
        }
        ACTIONS.add(action);
    }

    /** Forgets an action registered earlier. */
    public static synchronized void cancel(Runnable action) {
        ACTIONS.remove(action);
    }

    private static void runAll() {
        List<Runnable> actions;
        synchronized (JvmExit.class) {
            actions = new ArrayList<>(ACTIONS);
            ACTIONS.clear();
        }
        for (int i = actions.size() - 1; i >= 0; i--) {
            try {
                actions.get(i).run();
            } catch (RuntimeException e) {
                System.err.println("lifeboat-testkit: cleanup at JVM exit failed: " + e.getMessage());
            }
        }
    }
}
