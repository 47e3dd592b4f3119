package io.lifeboat.catalog.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.lifeboat.catalog.domain.EntryBuilder;
import io.lifeboat.events.Engine;
import io.lifeboat.events.backup.BackupPhase;
import io.lifeboat.events.backup.BackupType;
import io.lifeboat.events.catalog.CatalogEntry;
import io.lifeboat.events.envelope.JsonSerde;

class StoreBackupEntriesTest {

    private static final Instant NOW = Instant.parse("2026-11-22T08:00:00Z");

    private KeyValueStore<String, CatalogEntry> store;

    @BeforeEach
    void openStore() {
        store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(CatalogTopology.BACKUPS_STORE),
                Serdes.String(), new JsonSerde<>(CatalogEntry.class)).withLoggingDisabled().build();
        MockProcessorContext<Object, Object> context = new MockProcessorContext<>();
        store.init(context.getStateStoreContext(), store);
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void listsWhatWasWrittenAndDeletedThroughTheCacheAsTheStoreHoldsIt() {
        StoreBackupEntries entries = new StoreBackupEntries(store);
        entries.put(entry("orders-db", "b2"));
        assertThat(entries.of("orders-db")).extracting(CatalogEntry::backupId).containsExactly("b2");

        entries.put(entry("orders-db", "b1"));
        entries.put(entry("orders-db", "b3"));
        entries.put(EntryBuilder.from(entry("orders-db", "b2")).phase(BackupPhase.EXPIRED).build(NOW));
        entries.delete("orders-db", "b3");

        List<CatalogEntry> cached = entries.of("orders-db");
        assertThat(cached).extracting(CatalogEntry::backupId).containsExactly("b1", "b2");
        assertThat(cached).isEqualTo(StoreBackupEntries.of(store, "orders-db"));
        assertThat(entries.get("orders-db", "b2").phase()).isEqualTo(BackupPhase.EXPIRED);
        assertThat(entries.get("orders-db", "b3")).isNull();
        assertThat(entries.cachedEntries()).isEqualTo(2);
    }

    @Test
    void evictsTheLeastRecentlyListedTargetsOnceOverTheBoundAndStillReadsThemFromTheStore() {
        StoreBackupEntries entries = new StoreBackupEntries(store, 3);
        for (String target : List.of("a", "b", "c")) {
            entries.put(entry(target, target + "-1"));
            entries.put(entry(target, target + "-2"));
        }
        entries.of("a");
        entries.of("b");
        entries.of("c");

        assertThat(entries.cachedEntries()).isEqualTo(2);
        entries.put(entry("a", "a-3"));
        assertThat(entries.of("a")).extracting(CatalogEntry::backupId).containsExactly("a-1", "a-2", "a-3");
        assertThat(entries.get("b", "b-2")).isEqualTo(entry("b", "b-2"));
        assertThat(entries.cachedEntries()).isEqualTo(3);
    }

    @Test
    void keepsNothingDecodedWhenTheBoundIsZero() {
        StoreBackupEntries entries = new StoreBackupEntries(store, 0);
        entries.put(entry("orders-db", "b1"));

        assertThat(entries.of("orders-db")).extracting(CatalogEntry::backupId).containsExactly("b1");
        assertThat(entries.cachedEntries()).isZero();
    }

    private static CatalogEntry entry(String target, String backupId) {
        return EntryBuilder.of(backupId, target, Engine.POSTGRES, BackupType.FULL).phase(BackupPhase.COMPLETED)
                .build(NOW);
    }
}
