package io.lifeboat.cli.ops;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.cloudevents.jackson.JsonFormat;
import io.lifeboat.cli.ops.domain.Durations;
import io.lifeboat.cli.ops.domain.EventFilter;
import io.lifeboat.cli.ops.domain.EventLines;
import io.lifeboat.cli.ops.domain.Human;
import io.lifeboat.events.Topic;
import io.lifeboat.events.Topics;
import io.lifeboat.events.envelope.Envelope;
import io.lifeboat.events.envelope.EventCodec;
import io.lifeboat.events.envelope.LifeboatJson;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code lifeboat watch}: a live feed of Lifeboat events, one line each (or one CloudEvent JSON object per line),
 * until Ctrl-C, or until {@code --count} events arrived.
 */
@Command(name = "watch", mixinStandardHelpOptions = true, sortOptions = false, description = "Shows Lifeboat "
        + "events as they arrive on every topic (or those named): time, topic, type, target and what happened; "
        + "with --json one CloudEvent per line. Records that are not Lifeboat events are shown as UNDECODABLE.")
final class WatchCommand extends Verb {

    private static final Duration POLL = Duration.ofMillis(500);

    @Option(names = "--topic", paramLabel = "NAME", description = "A topic to read, e.g. lifeboat.dr.runs "
            + "(repeatable; default: every Lifeboat topic).")
    List<String> topics = new ArrayList<>();

    @Option(names = "--target", paramLabel = "TARGET", description = "Only the events of this target.")
    String target;

    @Option(names = "--type", paramLabel = "TYPE", description = "Only events of this type: the CloudEvents type or "
            + "its simple name, e.g. FailoverCompleted (repeatable).")
    List<String> types = new ArrayList<>();

    @Option(names = "--since", paramLabel = "DURATION", description = "Start with the events of the last "
            + "DURATION, e.g. 15m (default: only new events).")
    String since;

    @Option(names = "--from-beginning", description = "Start with the oldest event each topic keeps.")
    boolean fromBeginning;

    @Option(names = "--count", paramLabel = "N", description = "Exit 0 after N matching events.")
    Integer count;

    @Option(names = "--timeout", paramLabel = "DURATION", description = "Stop after this long: exit 1 when fewer "
            + "than --count events arrived, else 0.")
    String timeout;

    private final EventCodec codec = new EventCodec();
    private final JsonFormat cloudEventJson = new JsonFormat();

    @Override
    public Integer call() throws InterruptedException {
        Instant start;
        Duration limit;
        try {
            start = start();
            limit = timeout == null ? null : Durations.parse("--timeout", timeout);
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
        if (count != null && count < 1) {
            throw usage("--count must be at least 1, got " + count);
        }
        EventFilter filter = new EventFilter(target, types);
        try (EventFeed feed = new EventFeed(root().kafka(), topicNames(), start)) {
            if (!topics.isEmpty() && !feed.missing().isEmpty()) {
                throw new OpsFailure("Kafka at " + root().bootstrap() + " has no topic " + String.join(", ",
                        feed.missing()) + ": is it the Lifeboat stack's broker?");
            }
            note("watching " + feed.partitions().size() + " partition(s) of " + (topics.isEmpty()
                    ? "every Lifeboat topic"
                    : String.join(", ", topics))
                    + (count == null ? "; Ctrl-C stops" : "; " + count + " event(s) to go"));
            return follow(feed, filter, limit);
        }
    }

    private int follow(EventFeed feed, EventFilter filter, Duration limit) throws InterruptedException {
        Instant end = limit == null ? null : Instant.now().plus(limit);
        int seen = 0;
        while (true) {
            for (EventFeed.Item item : feed.poll(POLL)) {
                if (item.envelope() == null) {
                    if (filter.matchesTarget(item.record().key())) {
                        showUndecodable(item);
                    }
                    continue;
                }
                Envelope<?> envelope = item.envelope();
                String simpleName = envelope.payload().getClass().getSimpleName();
                if (filter.matches(envelope.type(), simpleName, envelope.subject())) {
                    show(item.record().topic(), envelope, simpleName);
                    seen++;
                    if (count != null && seen >= count) {
                        return 0;
                    }
                }
            }
            if (Thread.interrupted()) {
                throw new InterruptedException("interrupted while watching");
            }
            if (end != null && Instant.now().isAfter(end)) {
                if (count == null) {
                    return 0;
                }
                throw new OpsFailure(seen + " of " + count + " event(s)" + (types.isEmpty()
                        ? ""
                        : " of type " + String.join(" or ", types))
                        + (target == null
                                ? ""
                                : " of target '" + target + "'")
                        + " arrived within " + Human.duration(limit.toSeconds()));
            }
        }
    }

    private void show(String topic, Envelope<?> envelope, String simpleName) {
        if (root().json()) {
            print(new String(cloudEventJson.serialize(codec.toCloudEvent(envelope)), StandardCharsets.UTF_8) + "\n");
        } else {
            print(EventLines.line(envelope.time(), topic, simpleName, envelope.subject(), envelope.payload()) + "\n");
        }
    }

    private void showUndecodable(EventFeed.Item item) {
        ConsumerRecord<String, byte[]> r = item.record();
        if (!root().json()) {
            print(EventLines.undecodable(Instant.ofEpochMilli(r.timestamp()), r.topic(), r.partition(), r.offset(),
                    r.key(), item.error()) + "\n");
            return;
        }
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("undecodable", true);
        line.put("topic", r.topic());
        line.put("partition", r.partition());
        line.put("offset", r.offset());
        line.put("key", r.key());
        line.put("error", item.error());
        try {
            print(LifeboatJson.mapper().writeValueAsString(line) + "\n");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unable to write the line of an undecodable record as JSON", e);
        }
    }

    private Instant start() {
        if (since != null && fromBeginning) {
            throw new IllegalArgumentException("give --since DURATION or --from-beginning, not both");
        }
        if (fromBeginning) {
            return Instant.EPOCH;
        }
        return since == null ? EventFeed.AT_END : Instant.now().minus(Durations.parse("--since", since));
    }

    private List<String> topicNames() {
        if (topics.isEmpty()) {
            return Topics.all().stream().map(Topic::name).toList();
        }
        for (String name : topics) {
            if (Topics.byName(name).isEmpty()) {
                throw usage("--topic '" + name + "' is not a Lifeboat topic; they are: " + String.join(", ",
                        Topics.all().stream().map(Topic::name).toList()));
            }
        }
        return topics;
    }
}
