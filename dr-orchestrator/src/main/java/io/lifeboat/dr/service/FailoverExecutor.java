package io.lifeboat.dr.service;

import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.lifeboat.dr.config.DrConfig;
import io.lifeboat.dr.config.DrSettings;
import io.lifeboat.dr.config.TargetSettings;
import io.lifeboat.dr.domain.QuorumVerdict;
import io.lifeboat.dr.domain.RefusedCommands;
import io.lifeboat.dr.domain.RunMode;
import io.lifeboat.dr.domain.RunRequest;
import io.lifeboat.dr.domain.RunState;
import io.lifeboat.dr.domain.RunbookKind;
import io.lifeboat.dr.domain.Runbooks;
import io.lifeboat.dr.domain.TargetRuns;
import io.lifeboat.dr.postgres.FenceOnReturn;
import io.lifeboat.dr.postgres.Fencer;
import io.lifeboat.dr.postgres.PgInspector;
import io.lifeboat.dr.postgres.ReturnCheck;
import io.lifeboat.events.Command;
import io.lifeboat.events.admin.ContractTopics;
import io.lifeboat.events.admin.KafkaClientSettings;
import io.lifeboat.events.dr.DrRunUpdated;
import io.quarkus.runtime.StartupEvent;

/**
 * The orchestrator's single acting thread: reads the run log, claims and resumes the runs it finds, then on every
 * tick (and on news from the inbox) starts failovers the health quorum or an operator asks for, advances active
 * runs, and fences old primaries that come back.
 */
@ApplicationScoped
public class FailoverExecutor {

    private static final Logger LOG = Logger.getLogger(FailoverExecutor.class);
    private static final Duration RETRY = Duration.ofSeconds(2);
    private static final Duration SIGHTING_TIMEOUT = Duration.ofSeconds(2);
    private static final int TOPIC_PARTITIONS = 3;

    private final Map<String, TargetRuns> runs = new ConcurrentHashMap<>();
    private final Inbox inbox = new Inbox();
    private final MemberSightings sightings = new MemberSightings();
    private final ReturnWatch watch = new ReturnWatch();
    private final Clock clock = Clock.systemUTC();
    private final PgInspector inspector = new PgInspector();
    private volatile boolean running = true;
    private volatile String stoppedBecause;
    private volatile boolean acting;
    private DrSettings settings;
    private InboxReader reader;
    private CommandHandler commands;
    private Thread thread;

    @Inject
    DrConfig config;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    private KafkaClientSettings kafka;

    void onStart(@Observes StartupEvent start) {
        settings = DrSettings.from(config, System.getenv());
        // The channels' kafka.* security settings (TLS, SASL) apply to the orchestrator's own clients too.
        kafka = KafkaClientSettings.fromConfig(bootstrap);
        reader = new InboxReader(kafka, inbox, settings.restoreTimeout().plusHours(1));
        reader.start();
        thread = new Thread(this::run, "dr-executor");
        thread.setDaemon(true);
        thread.start();
        LOG.infof("DR orchestrator '%s' watches targets %s with %d expected monitor(s)", settings.instanceId(),
                settings.targets().keySet(), settings.expectedMonitors());
    }

    /**
     * Returns the latest run of every target, as written to the run log.
     *
     * @return the runs, sorted by target id
     */
    public List<DrRunUpdated> latestRuns() {
        return runs.values().stream().filter(r -> r.latest() != null).map(RunRecords::toRecord)
                .sorted(Comparator.comparing(DrRunUpdated::targetId)).toList();
    }

    /**
     * Tells whether this instance has read the run log, claimed what it found and watches its targets.
     *
     * @return true once the executor's loop runs, until it stops acting
     */
    public boolean acting() {
        return acting && stoppedBecause == null;
    }

    /**
     * Tells why this instance stopped acting, e.g. because another instance fenced it out.
     *
     * @return the reason, or null while it acts
     */
    public String stoppedBecause() {
        return stoppedBecause;
    }

    private void run() {
        try (RunLog log = connect()) {
            if (log == null) {
                return;
            }
            runs.putAll(log.load());
            FailoverSteps steps = new FailoverSteps(settings, inbox, sightings, watch, clock);
            commands = new CommandHandler(settings, inbox, clock, new CommandRefusals(
                    refusal -> log.publish(List.of(refusal), inbox.commandTrace(refusal.commandId()).orElse(null)),
                    new RefusedCommands(RefusedCommands.DEFAULT_CAPACITY),
                    clock));
            RunDriver driver = new RunDriver(settings, log, new RunbookSteps(steps,
                    new RestoreSteps(settings, inbox, clock), new DrillSteps(settings, inbox, clock),
                    new GroupSteps(settings, inbox, clock)), runs, clock);
            for (TargetSettings target : settings.targets().values()) {
                RunNotes.watchedOnReturn(runs.getOrDefault(target.id(), TargetRuns.none()).latest())
                        .ifPresent(member -> watch.watch(target.id(), member));
                driver.claim(target.id());
            }
            settings.groups().keySet().forEach(driver::claim);
            while (running) {
                try {
                    tick(driver, steps);
                    // Ready after a whole tick: every target's primary has been looked at once.
                    acting = true;
                } catch (FencedOutException e) {
                    stoppedBecause = e.getMessage();
                    LOG.errorf("this orchestrator instance stops acting: %s; the instance that took over acts now",
                            e.getMessage());
                    return;
                } catch (RuntimeException e) {
                    LOG.errorf(e, "DR executor tick failed; state is unchanged and is retried on the next tick");
                }
                inbox.awaitNews(settings.tick());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (FencedOutException e) {
            stoppedBecause = e.getMessage();
            LOG.errorf("this orchestrator instance stops acting: %s", e.getMessage());
        }
    }

    private RunLog connect() throws InterruptedException {
        while (running) {
            try {
                // The inbox waits for every topic it reads; on a broker that creates none by itself, create them.
                ContractTopics.ensure(kafka, "dr-orchestrator", List.of(), TOPIC_PARTITIONS, (short) -1);
                return new RunLog(kafka);
            } catch (RuntimeException e) {
                LOG.warnf("the run log is not reachable yet (%s); retrying in %s", e.getMessage(), RETRY);
                Thread.sleep(RETRY.toMillis());
            }
        }
        return null;
    }

    private void tick(RunDriver driver, FailoverSteps steps) {
        for (Command command : inbox.drainCommands()) {
            commands.handle(driver, command);
        }
        for (TargetSettings target : settings.targets().values()) {
            fenceReturning(driver, target);
            RunState active = driver.active(target.id());
            if (active == null || active.kind() == RunbookKind.DRILL) {
                sightPrimary(driver, target);
                startOnQuorum(driver, steps, target, active);
            }
            driver.advance(target);
        }
        for (String group : settings.groups().keySet()) {
            driver.advance(groupHolder(group));
        }
    }

    /** A group's runs are kept and advanced like a target's, under the group id; the group has no members. */
    private static TargetSettings groupHolder(String groupId) {
        return new TargetSettings(groupId, Optional.empty(), Optional.empty(), null, Map.of(), null, null);
    }

    private void startOnQuorum(RunDriver driver, FailoverSteps steps, TargetSettings target, RunState drill) {
        QuorumVerdict verdict = steps.verdict(target.id());
        if (!verdict.down()) {
            commands.refusals().clear(target.id());
            return;
        }
        RunMode mode = commands.mode(target);
        if (mode == RunMode.RESTORE_ONLY) {
            commands.refusals().refused(target.id(),
                    "target '" + target.id() + "' is down but its failover mode is RESTORE: no "
                            + "failover is started, restore it from a backup");
            return;
        }
        if (drill != null) {
            // A rehearsal must never stand in the way of the real thing.
            driver.decide(target.id(), drill.runId(), false, "health-quorum", "preempted: the primary is down and "
                    + "a failover starts");
        }
        var at = clock.instant();
        commands.refusals().refused(target.id(),
                driver.start(new RunRequest("failover-" + target.id() + "-" + at.toEpochMilli(),
                        target.id(), Runbooks.postgresPrimaryFailure(), mode, false, "health-quorum", verdict.reason(),
                        at, RunParameters.withTrace(Map.of(), inbox.reportTrace(target.id()).orElse(null)))));
    }

    private void sightPrimary(RunDriver driver, TargetSettings target) {
        // What the primary had written while it answered is the base of the data-loss estimate after it fails.
        sightings.record(target.id(), inspector.inspect(target.member(driver.primary(target.id())),
                SIGHTING_TIMEOUT));
    }

    private void fenceReturning(RunDriver driver, TargetSettings target) {
        String member = watch.watched().get(target.id());
        if (member == null) {
            return;
        }
        Fencer fencer = target.fenceCommand() == null ? new Fencer() : new Fencer(target.fenceCommand());
        ReturnCheck check = new FenceOnReturn(fencer).check(target.member(member), settings.stepTimeout());
        switch (check.outcome()) {
            case CAME_BACK_WRITABLE_AND_FENCED -> {
                LOG.warnf("target '%s': %s", target.id(), check.summary());
                driver.note(target.id(), RunNotes.FENCED_ON_RETURN, check.summary());
                watch.release(target.id());
            }
            case CAME_BACK_WRITABLE_FENCE_FAILED -> LOG.errorf("target '%s': %s; retried on the next tick",
                    target.id(), check.summary());
            default -> {
                // Still away, or back but not writable: keep watching, it may still come back as a primary.
            }
        }
    }

    @PreDestroy
    void stop() {
        running = false;
        if (reader != null) {
            reader.close();
        }
        if (thread != null) {
            thread.interrupt();
        }
    }
}
