package io.lifeboat.agentkit.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LocalObjectStoreTest extends ObjectStoreContract {

    @TempDir
    Path root;

    @Override
    protected ObjectStore openStore() throws IOException {
        return ObjectStores.create(StoreSettings.local(root));
    }

    @Override
    protected StorageClass storedClass(StorageClass requested, boolean multipart) {
        return ((LocalObjectStore) store).keepsClasses() ? requested : StorageClass.HOT;
    }

    @Override
    protected void assertNothingPending(String key) throws IOException {
        assertThat(files()).noneMatch(LocalFiles::isTempFile);
    }

    @ParameterizedTest
    @ValueSource(strings = {"../outside", "/etc/passwd", "orders/../../outside", "orders//b1", "orders/./b1",
            "orders/b1/", "orders\\b1", ""})
    void refusesKeysThatEscapeTheRootOrAreNotInNormalForm(String key) {
        assertThatThrownBy(() -> store.put(key, bytes("x"), WriteOptions.HOT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("object key '" + key + "'");
        assertThatThrownBy(() -> store.open(key)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.delete(key)).isInstanceOf(IllegalArgumentException.class);
        assertThat(root.getParent().resolve("outside")).doesNotExist();
    }

    @Test
    void readsARangeBySkippingWhenADriverDoesNotOverrideTheRangedRead() throws IOException {
        byte[] data = new byte[5_000];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 31);
        }
        store.put("orders/b1/data/part-000001", data, WriteOptions.HOT);
        ObjectStore plain = new SkipOnlyStore(store);

        try (InputStream in = plain.openRange("orders/b1/data/part-000001", 1_234, 100)) {
            assertThat(in.readAllBytes()).isEqualTo(Arrays.copyOfRange(data, 1_234, 1_334));
        }
        try (InputStream in = plain.openRange("orders/b1/data/part-000001", 4_990, 100)) {
            assertThat(in.readAllBytes()).isEqualTo(Arrays.copyOfRange(data, 4_990, 5_000));
        }
        assertThatThrownBy(() -> plain.openRange("orders/b1/data/part-000001", 6_000, 1))
                .isInstanceOf(IOException.class).hasMessageContaining("orders/b1/data/part-000001");
    }

    /** Delegates everything but the ranged read, so the interface's default is what runs. */
    private record SkipOnlyStore(ObjectStore delegate) implements ObjectStore {
        @Override
        public ObjectUpload upload(String key, WriteOptions options) throws IOException {
            return delegate.upload(key, options);
        }

        @Override
        public InputStream open(String key) throws IOException {
            return delegate.open(key);
        }

        @Override
        public Optional<ObjectInfo> stat(String key) throws IOException {
            return delegate.stat(key);
        }

        @Override
        public List<ObjectInfo> list(String prefix) throws IOException {
            return delegate.list(prefix);
        }

        @Override
        public void delete(String key) throws IOException {
            delegate.delete(key);
        }

        @Override
        public String location() {
            return delegate.location();
        }

        @Override
        public void close() {
        }
    }

    @Test
    void refusesKeysThatLookLikeTempFiles() {
        assertThatThrownBy(() -> store.put("orders/.manifest.json.0a1b.tmp", bytes("x"), WriteOptions.HOT))
                .hasMessage("object key 'orders/.manifest.json.0a1b.tmp' has the form of a temp file (.name.tmp)");
    }

    @Test
    void writesToAHiddenTempFileBesideTheObjectAndNeverListsIt() throws IOException {
        try (ObjectUpload upload = store.upload("orders/b1/manifest.json", WriteOptions.HOT)) {
            upload.write(bytes("{}"), 0, 2);

            assertThat(files()).singleElement().satisfies(temp -> {
                assertThat(temp.getParent()).isEqualTo(root.resolve("orders/b1"));
                assertThat(temp.getFileName().toString()).matches("\\.manifest\\.json\\.[0-9a-f]{16}\\.tmp");
            });
            assertThat(store.list("")).isEmpty();
            assertThat(store.list("orders/b1/")).isEmpty();

            upload.complete();
        }
        assertThat(files()).containsExactly(root.resolve("orders/b1/manifest.json"));
    }

    @Test
    void readsAFileWithoutALabelAsHot() throws IOException {
        Files.createDirectories(root.resolve("orders/b1"));
        Files.write(root.resolve("orders/b1/manifest.json"), bytes("{}"));

        assertThat(store.list("")).singleElement().satisfies(info -> {
            assertThat(info.key()).isEqualTo("orders/b1/manifest.json");
            assertThat(info.storageClass()).isEqualTo(StorageClass.HOT);
            assertThat(info.size()).isEqualTo(2);
        });
    }

    @Test
    void removesFoldersLeftEmptyByADelete() throws IOException {
        store.put("orders/b1/data/part-000001", bytes("x"), WriteOptions.HOT);
        store.put("orders/b2/manifest.json", bytes("x"), WriteOptions.HOT);

        store.delete("orders/b1/data/part-000001");

        assertThat(root.resolve("orders/b1")).doesNotExist();
        assertThat(root.resolve("orders/b2/manifest.json")).exists();
        assertThat(root).exists();
    }

    @Test
    void namesTheRootDirectoryAsAFileUri() throws IOException {
        assertThat(store.location()).isEqualTo(root.toRealPath().toUri().toString()).startsWith("file:/");
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).toList();
        }
    }
}
