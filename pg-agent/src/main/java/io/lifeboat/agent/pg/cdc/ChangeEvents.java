package io.lifeboat.agent.pg.cdc;

import java.time.Instant;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads what Lifeboat needs from Debezium's JSON change events (schemas disabled): heartbeat or not, commit point. */
final class ChangeEvents {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ChangeEvents() {
    }

    /** Whether the event is one of Debezium's heartbeats ({@code __debezium-heartbeat.<prefix>}), not a row change. */
    static boolean heartbeat(String destination) {
        return destination != null && destination.startsWith("__debezium-heartbeat");
    }

    /** The change's LSN, commit time and transaction id from its {@code source} block; empty for other events. */
    static Optional<CommitPoint> commitPoint(String value) {
        if (value == null) {
            return Optional.empty();
        }
        JsonNode source;
        try {
            source = JSON.readTree(value).path("source");
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("change event is not JSON: " + e.getOriginalMessage(), e);
        }
        if (!source.path("lsn").canConvertToLong() || !source.has("ts_ms")) {
            return Optional.empty();
        }
        Instant commitTime = source.path("ts_us").canConvertToLong()
                ? Instant.EPOCH.plusNanos(source.path("ts_us").asLong() * 1_000)
                : Instant.ofEpochMilli(source.path("ts_ms").asLong());
        return Optional.of(new CommitPoint(source.path("lsn").asLong(), commitTime, source.path("txId").asLong(0)));
    }
}
