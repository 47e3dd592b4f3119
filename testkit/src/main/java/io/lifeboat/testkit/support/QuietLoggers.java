package io.lifeboat.testkit.support;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.jboss.logmanager.LogContext;

/** Turns the chatty loggers of the embedded servers down to WARN so that test output shows the tests. */
public final class QuietLoggers {

    /** Strong references: a logger whose level was set must not be garbage-collected and reset. */
    private static final List<Logger> KEPT = new CopyOnWriteArrayList<>();

    private QuietLoggers() {
    }

    /** Sets each named logger to WARN unless the user configured a level for it already. */
    public static void warnOnly(String... names) {
        for (String name : names) {
            // slf4j-jboss-logmanager logs through the JBoss LogContext whether or not it is the JUL manager.
            Logger logger = LogContext.getLogContext().getLogger(name);
            if (logger.getLevel() == null) {
                logger.setLevel(Level.WARNING);
                KEPT.add(logger);
            }
        }
    }
}
