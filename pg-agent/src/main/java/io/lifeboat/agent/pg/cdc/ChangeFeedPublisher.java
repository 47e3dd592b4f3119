package io.lifeboat.agent.pg.cdc;

import java.util.concurrent.CompletableFuture;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/**
 * Writes Debezium change events (key and value JSON as they are) to the outgoing channel {@code changes}, each to
 * its target's topic {@code lifeboat.changes.<target>}; the returned future completes when the broker acknowledged.
 */
@ApplicationScoped
public class ChangeFeedPublisher {

    // A batch is sent in one go and awaited as a whole; the engine's max.batch.size bounds what is buffered here.
    @Inject
    @Channel("changes")
    @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER)
    MutinyEmitter<String> changes;

    /** Sends one change event of {@code targetId}; completes when acknowledged (acks=all), or exceptionally. */
    public CompletableFuture<Void> send(String targetId, String key, String value) {
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(CdcNames.topic(targetId))
                .withKey(key)
                .build();
        return changes.sendMessage(Message.of(value).addMetadata(metadata)).subscribeAsCompletionStage();
    }
}
