package io.lifeboat.agentkit.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What every {@link ObjectStore} driver must do, run against each driver by a subclass that opens a fresh, empty
 * store with 5 MiB parts and 10 keys per listing page.
 */
abstract class ObjectStoreContract {

    static final int PART_SIZE = StoreSettings.MIN_PART_SIZE;
    static final int KEYS_PER_PAGE = 10;

    private final ArtifactLayout layout = new ArtifactLayout();
    private final List<ObjectStore> opened = new ArrayList<>();
    protected ObjectStore store;

    /** A new store on the same location on every call. */
    protected abstract ObjectStore openStore() throws IOException;

    /** The tier an object written with {@code requested} reads back as; {@code multipart} when sent in parts. */
    protected abstract StorageClass storedClass(StorageClass requested, boolean multipart);

    /** Asserts that the driver keeps nothing half-written for {@code key} (temp files, pending uploads). */
    protected abstract void assertNothingPending(String key) throws IOException;

    @BeforeEach
    void openTheStore() throws IOException {
        store = reopen();
    }

    @AfterEach
    void closeTheStores() throws IOException {
        for (ObjectStore each : opened) {
            each.close();
        }
    }

    protected ObjectStore reopen() throws IOException {
        ObjectStore fresh = openStore();
        opened.add(fresh);
        return fresh;
    }

    @ParameterizedTest(name = "{0} bytes")
    @ValueSource(ints = {0, 1, PART_SIZE, PART_SIZE + 1, PART_SIZE * 7 / 2})
    void returnsTheSameBytesAndSizeForObjectsOfAnySize(int size) throws IOException {
        String key = layout.part("orders", "b-" + size, 1);
        byte[] data = randomBytes(size, size);

        ObjectInfo completed = upload(key, data, WriteOptions.HOT, 100_003);

        assertThat(completed.key()).isEqualTo(key);
        assertThat(completed.size()).isEqualTo(size);
        assertThat(read(key)).isEqualTo(data);
        assertThat(store.stat(key)).get().extracting(ObjectInfo::size).isEqualTo((long) size);
        assertThat(store.list("orders/b-" + size + "/")).extracting(ObjectInfo::key, ObjectInfo::size)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(key, (long) size));
        assertNothingPending(key);
    }

    @Test
    void showsNothingUntilTheUploadIsComplete() throws IOException {
        String key = layout.part("orders", "b1", 1);
        byte[] data = randomBytes(PART_SIZE * 3 / 2, 1);

        try (ObjectUpload upload = store.upload(key, WriteOptions.HOT)) {
            upload.write(data, 0, data.length);

            assertThat(store.stat(key)).isEmpty();
            assertThat(store.list("")).isEmpty();
            assertThatThrownBy(() -> store.open(key)).isInstanceOf(NoSuchObjectException.class);

            upload.complete();
        }
        assertThat(read(key)).isEqualTo(data);
    }

    @Test
    void leavesNothingBehindWhenAborted() throws IOException {
        String key = layout.part("orders", "b1", 1);
        byte[] data = randomBytes(PART_SIZE * 5 / 2, 2);
        ObjectUpload upload = store.upload(key, WriteOptions.HOT);
        upload.write(data, 0, data.length);

        upload.abort();
        upload.abort();
        upload.close();

        assertThat(store.stat(key)).isEmpty();
        assertThat(store.list("")).isEmpty();
        assertNothingPending(key);
        assertThatThrownBy(() -> upload.write(data, 0, 1)).isInstanceOf(IOException.class)
                .hasMessage("unable to upload object '" + key + "' to " + store.location()
                        + ": the upload was aborted");
        assertThatThrownBy(upload::complete).isInstanceOf(IOException.class).hasMessageContaining(key);
    }

    @Test
    void leavesNothingBehindWhenClosedWithoutCompleting() throws IOException {
        String key = layout.manifest("orders", "b1");
        try (ObjectUpload upload = store.upload(key, WriteOptions.HOT)) {
            upload.write(new byte[]{1, 2, 3}, 0, 3);
        }

        assertThat(store.stat(key)).isEmpty();
        assertNothingPending(key);
    }

    @Test
    void failsAnUploadNamingTheKeyWhenTheStoreIsClosedMidUpload() throws IOException {
        String key = layout.part("orders", "b1", 1);
        byte[] data = randomBytes(PART_SIZE * 3 / 2, 3);
        ObjectUpload upload = store.upload(key, WriteOptions.HOT);
        upload.write(data, 0, data.length);

        store.close();

        assertThatThrownBy(() -> upload.write(data, 0, data.length)).isInstanceOf(IOException.class)
                .hasMessage("unable to upload object '" + key + "' to " + store.location()
                        + ": the object store was closed");
        assertThatThrownBy(upload::complete).isInstanceOf(IOException.class).hasMessageContaining(key);
        assertThatThrownBy(() -> store.stat(key)).isInstanceOf(IOException.class).hasMessageContaining("closed");
        store = reopen();
        assertThat(store.stat(key)).isEmpty();
        assertThat(store.list("")).isEmpty();
        assertNothingPending(key);
    }

    @Test
    void readsExactlyTheRequestedRangeAndStopsAtTheEndOfTheObject() throws IOException {
        String key = layout.part("orders", "ranged", 1);
        byte[] data = randomBytes(10_000, 7);
        store.put(key, data, WriteOptions.HOT);

        assertThat(readRange(key, 0, 10)).isEqualTo(Arrays.copyOfRange(data, 0, 10));
        assertThat(readRange(key, 4_321, 1_000)).isEqualTo(Arrays.copyOfRange(data, 4_321, 5_321));
        assertThat(readRange(key, 9_990, 100)).isEqualTo(Arrays.copyOfRange(data, 9_990, 10_000));
        assertThat(readRange(key, 10_000, 5)).isEmpty();
        assertThat(readRange(key, 17, 0)).isEmpty();
        assertThatThrownBy(() -> store.openRange(layout.part("orders", "absent", 1), 0, 10))
                .isInstanceOf(NoSuchObjectException.class).hasMessageContaining("orders/absent/data/part-000001");
    }

    private byte[] readRange(String key, long offset, long length) throws IOException {
        try (InputStream in = store.openRange(key, offset, length)) {
            return in.readAllBytes();
        }
    }

    @Test
    void refusesToOpenAMissingObjectNamingTheKey() {
        String key = layout.manifest("orders", "missing");

        assertThatThrownBy(() -> store.open(key)).isInstanceOfSatisfying(NoSuchObjectException.class, e -> {
            assertThat(e.key()).isEqualTo(key);
            assertThat(e).hasMessage("object '" + key + "' does not exist in " + store.location());
        });
    }

    @Test
    void listsEveryPageInKeyOrderAndOnlyUnderThePrefix() throws IOException {
        List<Integer> numbers = new ArrayList<>();
        for (int n = 1; n <= 25; n++) {
            numbers.add(n);
        }
        Collections.shuffle(numbers, new Random(4));
        for (int n : numbers) {
            store.put(layout.part("orders", "b1", n), bytes("part " + n), WriteOptions.HOT);
        }
        store.put(layout.manifest("orders", "b10"), bytes("other backup"), WriteOptions.HOT);
        store.put(layout.manifest("invoices", "b1"), bytes("other target"), WriteOptions.HOT);

        List<ObjectInfo> listed = store.list(layout.backupPrefix("orders", "b1"));

        assertThat(listed).hasSize(25);
        for (int n = 1; n <= 25; n++) {
            ObjectInfo info = listed.get(n - 1);
            assertThat(info.key()).isEqualTo(layout.part("orders", "b1", n));
            assertThat(info.size()).isEqualTo(("part " + n).length());
            assertThat(info.lastModified()).isAfter(Instant.now().minus(1, ChronoUnit.HOURS));
        }
        assertThat(store.list("orders/b1")).hasSize(26);
        assertThat(store.list("")).hasSize(27);
        assertThat(store.list("nothing/")).isEmpty();
    }

    @Test
    void replacesAnObjectWrittenTwice() throws IOException {
        String key = layout.manifest("orders", "b1");
        store.put(key, bytes("first, longer"), WriteOptions.HOT);

        store.put(key, bytes("second"), WriteOptions.HOT);

        assertThat(new String(read(key), StandardCharsets.UTF_8)).isEqualTo("second");
        assertThat(store.list("")).hasSize(1);
    }

    @Test
    void deletesAnObjectAndAcceptsDeletingAnAbsentOne() throws IOException {
        String key = layout.manifest("orders", "b1");
        store.put(key, bytes("{}"), WriteOptions.HOT);
        store.put(layout.manifest("orders", "b2"), bytes("{}"), WriteOptions.HOT);

        store.delete(key);
        store.delete(key);
        store.delete(layout.manifest("never", "written"));

        assertThat(store.stat(key)).isEmpty();
        assertThat(store.list("")).extracting(ObjectInfo::key).containsExactly(layout.manifest("orders", "b2"));
    }

    @Test
    void keepsTheStorageClassAsTheDriverCan() throws IOException {
        String small = layout.manifest("orders", "b1");
        String large = layout.part("orders", "b1", 1);
        store.put(small, bytes("{}"), WriteOptions.of(StorageClass.WARM));
        upload(large, randomBytes(PART_SIZE + 10, 5), WriteOptions.of(StorageClass.COLD), 1 << 20);
        store.put(layout.manifest("orders", "b2"), bytes("{}"), WriteOptions.of(StorageClass.FROZEN));

        assertThat(store.stat(small)).get().extracting(ObjectInfo::storageClass)
                .isEqualTo(storedClass(StorageClass.WARM, false));
        assertThat(store.stat(large)).get().extracting(ObjectInfo::storageClass)
                .isEqualTo(storedClass(StorageClass.COLD, true));
        // Key order: orders/b1/data/part-000001, orders/b1/manifest.json, orders/b2/manifest.json.
        assertThat(store.list("orders/")).extracting(ObjectInfo::storageClass).containsExactly(
                storedClass(StorageClass.COLD, true), storedClass(StorageClass.WARM, false),
                storedClass(StorageClass.FROZEN, false));
    }

    @Test
    void storesAnObjectWithARetentionDate() throws IOException {
        String key = layout.manifest("orders", "b1");
        WriteOptions retained = new WriteOptions(StorageClass.HOT, Optional.of(Instant.now().plusSeconds(3600)));

        store.put(key, bytes("{\"retained\":true}"), retained);

        assertThat(new String(read(key), StandardCharsets.UTF_8)).isEqualTo("{\"retained\":true}");
    }

    protected ObjectInfo upload(String key, byte[] data, WriteOptions options, int chunk) throws IOException {
        try (ObjectUpload upload = store.upload(key, options)) {
            for (int offset = 0; offset < data.length; offset += chunk) {
                upload.write(data, offset, Math.min(chunk, data.length - offset));
            }
            return upload.complete();
        }
    }

    protected byte[] read(String key) throws IOException {
        try (InputStream in = store.open(key)) {
            return in.readAllBytes();
        }
    }

    static byte[] randomBytes(int size, long seed) {
        byte[] data = new byte[size];
        new Random(seed).nextBytes(data);
        return data;
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
