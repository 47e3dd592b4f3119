package io.lifeboat.cli.ops;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.kafka.clients.producer.RecordMetadata;

import io.lifeboat.events.Command;

import picocli.CommandLine.Mixin;

/** What the DR verbs share: checking the target in the catalog, publishing the command, printing the run id. */
abstract class DrVerb extends Verb {

    /** How long a published command stays valid: the orchestrator does not start it later than this. */
    static final Duration VALID_FOR = Duration.ofHours(1);

    @Mixin
    Requester requester;

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
            new CatalogClient(root.catalog()).requireTarget(targetId);
        } catch (OpsFailure e) {
            if (e.getMessage().startsWith("target '")) {
                throw e;
            }
            note(spec.qualifiedName() + ": target '" + targetId + "' not checked: " + e.getMessage());
        }
    }

    /** Publishes {@code command}, then prints the run id (or JSON with the command, run, topic and key). */
    int publish(Command command, String runId, String what) {
        RecordMetadata written;
        try (DrCommandPublisher publisher = new DrCommandPublisher(root.bootstrap())) {
            written = publisher.publish(command);
        }
        if (root.json()) {
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
