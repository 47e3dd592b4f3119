package io.lifeboat.agent.mongo.oplog;

import io.lifeboat.events.archive.ArchiveFailed;
import io.lifeboat.events.archive.ArchiveProgressed;

/** Where an {@link OplogTailer} sends its facts: Kafka in the service, a list in tests; called on the tailer thread. */
public interface OplogFacts {

    /** Slices up to a new position are stored. */
    void progressed(ArchiveProgressed progress);

    /** Capture stopped (it retries by itself) or found a gap; already rate-limited by the tailer. */
    void failed(ArchiveFailed failure);
}
