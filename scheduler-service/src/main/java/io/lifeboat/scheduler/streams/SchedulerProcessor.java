package io.lifeboat.scheduler.streams;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.jboss.logging.Logger;

import io.lifeboat.events.Command;
import io.lifeboat.events.envelope.Envelope;
import io.lifeboat.events.policy.DefinePolicy;
import io.lifeboat.events.policy.PolicyDefined;
import io.lifeboat.events.policy.RemovePolicy;
import io.lifeboat.events.schedule.RunSkipped;
import io.lifeboat.events.streams.StreamsEmitter;
import io.lifeboat.scheduler.domain.BackupFacts;
import io.lifeboat.scheduler.domain.Plan;
import io.lifeboat.scheduler.domain.PolicyChanges;
import io.lifeboat.scheduler.domain.RunPlanner;
import io.lifeboat.scheduler.domain.TargetSchedule;
import io.lifeboat.scheduler.policy.PolicyRejectedException;
import io.lifeboat.scheduler.policy.PolicyRules;

/**
 * The scheduler's one processor: applies policy commands (validated, then published to {@code lifeboat.policies}),
 * folds backup facts (running backups block the next one), and on a wall-clock punctuator issues every run that is
 * due. Each target lives in exactly one task, so one instance decides its runs, and the exactly-once transaction
 * that publishes a command also moves the schedule past it: a crash, a rebalance or a second instance never issues a
 * run twice.
 */
final class SchedulerProcessor implements Processor<String, byte[], Object, Object> {

    private static final Logger LOG = Logger.getLogger(SchedulerProcessor.class);

    private final SchedulerSettings settings;
    private final RunPlanner planner;
    private final Map<String, Instant> wakeUps = new HashMap<>();
    private ProcessorContext<Object, Object> context;
    private KeyValueStore<String, TargetSchedule> schedules;
    private StreamsEmitter emitter;
    private boolean wakeUpsLoaded;
    private boolean catchingUp;

    SchedulerProcessor(SchedulerSettings settings) {
        this.settings = settings;
        this.planner = new RunPlanner(settings.planner());
    }

    @Override
    public void init(ProcessorContext<Object, Object> context) {
        this.context = context;
        // A revived task runs init again on the same processor: forget what an aborted transaction may have left.
        wakeUps.clear();
        wakeUpsLoaded = false;
        catchingUp = false;
        this.schedules = context.getStateStore(SchedulerTopology.SCHEDULES_STORE);
        this.emitter = new StreamsEmitter(context, TopologyProducer.REQUESTER, SchedulerTopology.OUT,
                SchedulerTopology.DEADLETTER);
        context.schedule(settings.tick(), PunctuationType.WALL_CLOCK_TIME, this::tick);
    }

    @Override
    public void process(Record<String, byte[]> record) {
        // Neither input is compacted, so a record without a value deletes nothing: the emitter dead-letters it as
        // unreadable like any other record that is no event.
        Instant now = Instant.ofEpochMilli(context.currentSystemTimeMs());
        Optional<Envelope<?>> decoded = emitter.decode(record);
        if (decoded.isEmpty()) {
            return;
        }
        Envelope<?> envelope = decoded.get();
        // A record far older than the wall clock means a backlog (a restart, a long outage): the running backups it
        // reports are not yet known, so no run is issued until it has been folded.
        catchingUp = now.toEpochMilli() - record.timestamp() > settings.catchUpThreshold().toMillis();
        if (envelope.payload() instanceof DefinePolicy define) {
            define(record, envelope, define, now);
        } else if (envelope.payload() instanceof RemovePolicy remove) {
            remove(record, remove, now);
        } else {
            TargetSchedule state = state(envelope.payload().targetId());
            if (BackupFacts.fold(state, envelope.payload(), now)) {
                save(state, now);
            }
        }
    }

    private void define(Record<String, byte[]> record, Envelope<?> envelope, DefinePolicy define, Instant now) {
        if (expired(define, now)) {
            emitter.deadLetter(record, new IllegalArgumentException("DefinePolicy " + define.commandId()
                    + " for target '" + define.targetId() + "' arrived after its deadline " + define.deadline()));
            return;
        }
        TargetSchedule state = state(define.targetId());
        if (state.getPolicy() != null && define.commandId().equals(state.getPolicy().commandId())) {
            return;
        }
        PolicyDefined policy;
        try {
            policy = PolicyRules.define(define.policy(), define.requestedBy(), now, define.commandId());
        } catch (PolicyRejectedException e) {
            emitter.deadLetter(record, e);
            return;
        }
        if (PolicyChanges.apply(state, policy, now)) {
            emitter.emit(envelope, policy, now);
            save(state, now);
            LOG.infof("policy of %s defined by %s (command %s)", policy.targetId(), policy.definedBy(),
                    policy.commandId());
        }
    }

    private void remove(Record<String, byte[]> record, RemovePolicy remove, Instant now) {
        if (expired(remove, now)) {
            emitter.deadLetter(record, new IllegalArgumentException("RemovePolicy " + remove.commandId()
                    + " for target '" + remove.targetId() + "' arrived after its deadline " + remove.deadline()));
            return;
        }
        TargetSchedule state = state(remove.targetId());
        if (PolicyChanges.remove(state, now)) {
            emitter.tombstone(SchedulerTopology.POLICY_TOMBSTONES, remove.targetId(), now);
            save(state, now);
            LOG.infof("policy of %s removed by %s (command %s)", remove.targetId(), remove.requestedBy(),
                    remove.commandId());
        }
    }

    private void tick(long wallClockMs) {
        Instant now = Instant.ofEpochMilli(wallClockMs);
        if (catchingUp) {
            // Issue runs once the backlog is folded: caught up unless a stale record arrives before the next tick.
            catchingUp = false;
            return;
        }
        loadWakeUps(now);
        // Only the targets whose next run has come are read from the store; the others cost a comparison.
        List<String> due = wakeUps.entrySet().stream().filter(wake -> !wake.getValue().isAfter(now))
                .map(Map.Entry::getKey).toList();
        for (String targetId : due) {
            TargetSchedule state = schedules.get(targetId);
            if (state == null) {
                wakeUps.remove(targetId);
                continue;
            }
            Plan plan = planner.plan(state, now);
            for (Command command : plan.commands()) {
                emitter.emit(null, command, now);
                LOG.infof("issued %s %s for %s", command.getClass().getSimpleName(), command.commandId(),
                        command.targetId());
            }
            for (RunSkipped skipped : plan.skipped()) {
                emitter.emit(null, skipped, now);
                LOG.infof("run %s of %s skipped: %s", skipped.schedule(), skipped.targetId(), skipped.reason());
            }
            save(state, now);
        }
    }

    private void loadWakeUps(Instant now) {
        if (wakeUpsLoaded) {
            return;
        }
        try (KeyValueIterator<String, TargetSchedule> all = schedules.all()) {
            while (all.hasNext()) {
                KeyValue<String, TargetSchedule> next = all.next();
                remember(next.value, now);
            }
        }
        wakeUpsLoaded = true;
    }

    private TargetSchedule state(String targetId) {
        TargetSchedule state = schedules.get(targetId);
        return state == null ? new TargetSchedule(targetId) : state;
    }

    private void save(TargetSchedule state, Instant now) {
        schedules.put(state.getTargetId(), state);
        remember(state, now);
    }

    private void remember(TargetSchedule state, Instant now) {
        Optional<Instant> wake = planner.nextWakeUp(state, now);
        if (wake.isPresent()) {
            wakeUps.put(state.getTargetId(), wake.get());
        } else {
            wakeUps.remove(state.getTargetId());
        }
    }

    private static boolean expired(Command command, Instant now) {
        return command.deadline() != null && now.isAfter(command.deadline());
    }
}
