package io.lifeboat.agent.pg.cdc;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;

import io.debezium.engine.ChangeEvent;
import io.debezium.engine.DebeziumEngine;

/**
 * The engine's batch consumer for one target: records every change's commit point in {@link SourceCommits}, sends
 * the batch to the change feed when enabled, and marks the records processed (so their offsets may be committed)
 * only after the broker acknowledged every send of the batch: at-least-once.
 */
final class ChangeBatchHandler implements DebeziumEngine.ChangeConsumer<ChangeEvent<String, String>> {

    private final String targetId;
    private final boolean changeFeed;
    private final SourceCommits commits;
    private final ChangeFeedPublisher publisher;
    private final Consumer<Integer> changesSeen;

    ChangeBatchHandler(String targetId, boolean changeFeed, SourceCommits commits, ChangeFeedPublisher publisher,
            Consumer<Integer> changesSeen) {
        this.targetId = targetId;
        this.changeFeed = changeFeed;
        this.commits = commits;
        this.publisher = publisher;
        this.changesSeen = changesSeen;
    }

    @Override
    public void handleBatch(List<ChangeEvent<String, String>> records,
            DebeziumEngine.RecordCommitter<ChangeEvent<String, String>> committer) throws InterruptedException {
        List<CompletableFuture<Void>> sends = new ArrayList<>();
        int changes = 0;
        for (ChangeEvent<String, String> record : records) {
            if (ChangeEvents.heartbeat(record.destination()) || record.value() == null) {
                continue;
            }
            changes++;
            ChangeEvents.commitPoint(record.value()).ifPresent(point -> commits.record(targetId, point));
            if (changeFeed) {
                sends.add(publisher.send(targetId, record.key(), record.value()));
            }
        }
        awaitAcknowledged(sends);
        for (ChangeEvent<String, String> record : records) {
            committer.markProcessed(record);
        }
        committer.markBatchFinished();
        if (changes > 0) {
            changesSeen.accept(changes);
        }
    }

    /** Waits for every send; a failed one fails the batch, so that the engine stops before committing offsets. */
    private void awaitAcknowledged(List<CompletableFuture<Void>> sends) throws InterruptedException {
        try {
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("unable to write the changes of target '" + targetId + "' to "
                    + CdcNames.topic(targetId) + ": " + e.getCause(), e.getCause());
        }
    }
}
