package io.lifeboat.cli.ops;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.kafka.clients.producer.RecordMetadata;

import io.lifeboat.cli.ops.domain.Durations;
import io.lifeboat.events.Command;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * What the DR verbs share: checking the target in the catalog, publishing the command, printing the run id, and
 * following the run with {@code --wait}.
 */
abstract class DrVerb extends Verb {

    /** How long a published command stays valid: the orchestrator does not start it later than this. */
    static final Duration VALID_FOR = Duration.ofHours(1);

    @Mixin
    Requester requester;

    @Option(names = "--wait", description = "Follow the run on lifeboat.dr.runs until it ends (exit 0 when "
            + "COMPLETED, 1 when FAILED or CANCELLED), waits for an approval (exit 0) or the orchestrator refuses "
            + "the command (exit 1).")
    boolean waitForRun;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "1h", description = "With --wait: give "
            + "up after this long (default: ${DEFAULT-VALUE}).")
    String timeout;

    /** The deadline of a command published now. */
    Instant deadline() {
        return Instant.now().plus(VALID_FOR);
    }

    /**
     * Refuses a target the catalog does not know; a catalog that cannot be reached is only mentioned, since a
     * restore or failover is asked for exactly when parts of the stack are down.
     */
    void checkTarget(String targetId) {
        try {
            new CatalogClient(root().catalog()).requireTarget(targetId);
        } catch (OpsFailure e) {
            if (e.getMessage().startsWith("target '")) {
                throw e;
            }
            note(spec.qualifiedName() + ": target '" + targetId + "' not checked: " + e.getMessage());
        }
    }

    /**
     * Publishes {@code command}, then prints the run id (or JSON with the command, run, topic and key); with
     * {@code --wait}, follows the run from the end offsets taken before publishing.
     */
    int publish(Command command, String runId, String what) {
        if (!waitForRun) {
            return published(command, runId, what, write(command));
        }
        Duration limit;
        try {
            limit = Durations.parse("--timeout", timeout);
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
        try (RunFollower follower = new RunFollower(root().kafka())) {
            RecordMetadata written = write(command);
            if (!root().json()) {
                published(command, runId, what, written);
            }
            return new RunWait(this, command.targetId()).await(follower, runId, command.commandId(), limit);
        }
    }

    private RecordMetadata write(Command command) {
        try (DrCommandPublisher publisher = new DrCommandPublisher(root().kafka())) {
            return publisher.publish(command);
        }
    }

    private int published(Command command, String runId, String what, RecordMetadata written) {
        if (root().json()) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("command", command.getClass().getSimpleName());
            result.put("commandId", command.commandId());
            result.put("runId", runId);
            result.put("targetId", command.targetId());
            result.put("topic", written.topic());
            result.put("partition", written.partition());
            result.put("offset", written.offset());
            printJson(result);
        } else {
            print(runId + "\n");
            note(command.getClass().getSimpleName() + " (" + what + ") published to " + written.topic() + ", key '"
                    + command.targetId() + "', command " + command.commandId() + "; run: " + runId);
        }
        return 0;
    }
}
