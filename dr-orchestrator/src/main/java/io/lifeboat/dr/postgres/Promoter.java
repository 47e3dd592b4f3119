package io.lifeboat.dr.postgres;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * Promotes a standby with {@code pg_promote} and waits until it has left recovery. Idempotent: a member already out
 * of recovery is reported as already promoted and left alone, so an orchestrator killed between the promotion and
 * its record promotes nothing twice.
 */
public final class Promoter {

    /** Beyond pg_promote's own wait, so that the driver's socket timeout never cuts the call first. */
    private static final Duration SOCKET_MARGIN = Duration.ofSeconds(5);
    private static final Duration POLL = Duration.ofMillis(50);
    /** SQLSTATE object_not_in_prerequisite_state: pg_promote on a member no longer in recovery. */
    private static final String NOT_IN_RECOVERY = "55000";

    private final PgInspector inspector = new PgInspector();

    /**
     * Promotes {@code standby}, or reports it as already promoted.
     *
     * @param standby the member to promote
     * @param timeout how long the promotion may take, and the limit for each session
     * @return what was done, with the timelines and the time it took
     * @throws PgActionException naming the member and the cause when it is unreachable or still in recovery at the
     *         timeout
     */
    public PromotionResult promote(PgEndpoint standby, Duration timeout) {
        PgMemberState before = inspector.inspect(standby, timeout);
        if (!before.reachable()) {
            throw new PgActionException(standby.name(), "unable to promote PostgreSQL member '" + standby.name()
                    + "': unreachable: " + before.error(), null);
        }
        if (Boolean.FALSE.equals(before.inRecovery())) {
            return new PromotionResult(standby.name(), true, before.timeline(), before.timeline(), Duration.ZERO);
        }
        long start = System.nanoTime();
        askForPromotion(standby, timeout);
        PgMemberState after = awaitOutOfRecovery(standby, timeout, start);
        return new PromotionResult(standby.name(), false, before.timeline(), after.timeline(),
                Duration.ofNanos(System.nanoTime() - start));
    }

    private static void askForPromotion(PgEndpoint standby, Duration timeout) {
        try (Connection connection = PgSessions.open(standby, timeout.plus(SOCKET_MARGIN));
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT pg_promote(true, " + waitSeconds(timeout) + ")")) {
            // false only means "not yet within the wait"; the wait below decides.
            row.next();
        } catch (SQLException e) {
            if (!NOT_IN_RECOVERY.equals(e.getSQLState())) {
                throw new PgActionException(standby.name(), "unable to promote PostgreSQL member '" + standby.name()
                        + "': " + e.getMessage(), e);
            }
            // Someone promoted it between the inspection and this call: it is out of recovery, as wanted.
        }
    }

    private PgMemberState awaitOutOfRecovery(PgEndpoint standby, Duration timeout, long start) {
        long deadline = start + timeout.toNanos();
        while (true) {
            PgMemberState state = inspector.inspect(standby, timeout);
            if (state.reachable() && Boolean.FALSE.equals(state.inRecovery())) {
                return state;
            }
            if (System.nanoTime() > deadline) {
                throw new PgActionException(standby.name(), "PostgreSQL member '" + standby.name()
                        + "' did not leave recovery within " + timeout.toMillis() + " ms of pg_promote: "
                        + state.summary(), null);
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new PgActionException(standby.name(), "interrupted while promoting PostgreSQL member '"
                        + standby.name() + "'", e);
            }
        }
    }

    static long waitSeconds(Duration timeout) {
        return Math.max(1, timeout.toSeconds());
    }
}
