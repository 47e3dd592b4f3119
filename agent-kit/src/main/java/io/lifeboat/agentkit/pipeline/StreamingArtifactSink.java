package io.lifeboat.agentkit.pipeline;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import com.github.luben.zstd.RecyclingBufferPool;
import com.github.luben.zstd.ZstdOutputStreamNoFinalizer;

import io.lifeboat.agentkit.crypto.ArtifactContext;
import io.lifeboat.agentkit.crypto.DataKey;
import io.lifeboat.agentkit.crypto.MasterKey;
import io.lifeboat.agentkit.storage.ArtifactLayout;
import io.lifeboat.agentkit.storage.ObjectInfo;
import io.lifeboat.agentkit.storage.ObjectStore;

/**
 * The write path of one artifact: raw bytes, zstd, Tink streaming AEAD, then {@link PartWriter}; {@link #complete}
 * checks every part and writes the manifest last.
 */
final class StreamingArtifactSink implements ArtifactSink {

    private enum State {
        OPEN, COMPLETED, ABORTED
    }

    private final ObjectStore store;
    private final ArtifactLayout layout;
    private final ArtifactSpec spec;
    private final PipelineSettings settings;
    private final String masterKeyId;
    private final byte[] wrappedDataKey;
    private final Instant startedAt = Instant.now();
    private final PartWriter parts;
    private final CountingOutputStream compressed;
    private final ZstdOutputStreamNoFinalizer zstd;
    private final CountingOutputStream raw;
    private final OutputStream engineStream;
    private final AtomicReference<State> state = new AtomicReference<>(State.OPEN);

    StreamingArtifactSink(ObjectStore store, ArtifactLayout layout, MasterKey masterKey, PipelineSettings settings,
            ArtifactSpec spec) throws IOException {
        this.store = store;
        this.layout = layout;
        this.spec = spec;
        this.settings = settings;
        byte[] context = ArtifactContext.of(spec.targetId(), spec.backupId());
        DataKey dataKey = DataKey.generate();
        this.masterKeyId = masterKey.keyId();
        this.wrappedDataKey = dataKey.wrap(masterKey, context);
        this.parts = new PartWriter(store, new PartWriter.PartKeys() {
            @Override
            public String part(int number) {
                return layout.part(spec.targetId(), spec.backupId(), number);
            }

            @Override
            public String describe() {
                return spec.describe();
            }
        }, spec.writeOptions(), settings);
        try {
            this.compressed = new CountingOutputStream(dataKey.encrypting(parts, context));
            this.zstd = new ZstdOutputStreamNoFinalizer(compressed, RecyclingBufferPool.INSTANCE);
            zstd.setLevel(settings.zstdLevel());
            if (settings.zstdWorkers() > 0) {
                zstd.setWorkers(settings.zstdWorkers());
            }
            // The AEAD tags and SHA-256 already protect every byte; zstd's own checksum would only cost time.
            zstd.setChecksum(false);
        } catch (IOException | RuntimeException e) {
            parts.abort();
            throw new IOException("unable to start writing " + spec.describe() + ": " + e.getMessage(), e);
        }
        this.raw = new CountingOutputStream(zstd);
        this.engineStream = new EngineStream();
    }

    @Override
    public OutputStream stream() {
        return engineStream;
    }

    @Override
    public ArtifactProgress progress() {
        return new ArtifactProgress(raw.count(), parts.storedBytes(), parts.partsStarted());
    }

    @Override
    public Manifest complete(Map<String, Object> engineMetadata) throws IOException {
        if (state.get() != State.OPEN) {
            throw new IllegalStateException(spec.describe() + " is " + state.get().name().toLowerCase()
                    + " and cannot be completed");
        }
        try {
            // Closing zstd ends the frame, Tink writes the last segment, and the part writer stores the last part.
            zstd.close();
            List<Manifest.Part> stored = parts.parts();
            for (Manifest.Part part : stored) {
                checkStored(part);
            }
            Manifest manifest = new Manifest(Manifest.FORMAT_VERSION, spec.backupId(), spec.targetId(),
                    spec.engine(), spec.type(),
                    new Manifest.Sizes(raw.count(), compressed.count(), parts.storedBytes()), stored,
                    parts.wholeSha256(), Manifest.SHA256_OF_PART_DIGESTS,
                    new Manifest.Compression("zstd", settings.zstdLevel()),
                    new Manifest.Encryption("tink-streaming-aead", DataKey.TEMPLATE, masterKeyId,
                            Base64.getEncoder().encodeToString(wrappedDataKey)),
                    spec.writeOptions().storageClass(), startedAt, Instant.now(),
                    new LinkedHashMap<>(engineMetadata));
            // Last: a backup exists only once its manifest does, and then every part is in place.
            store.put(layout.manifest(spec.targetId(), spec.backupId()), ManifestCodec.write(manifest),
                    spec.writeOptions());
            state.set(State.COMPLETED);
            return manifest;
        } catch (IOException | RuntimeException e) {
            abort();
            throw new IOException("unable to complete " + spec.describe() + ": " + e.getMessage(), e);
        }
    }

    private void checkStored(Manifest.Part part) throws IOException {
        Optional<ObjectInfo> info = store.stat(part.key());
        if (info.isEmpty()) {
            throw new IOException("part '" + part.key() + "' is not in " + store.location() + " after its upload");
        }
        if (info.get().size() != part.size()) {
            throw new IOException("part '" + part.key() + "' is stored with " + info.get().size() + " bytes but "
                    + part.size() + " were written");
        }
    }

    @Override
    public void abort() {
        if (!state.compareAndSet(State.OPEN, State.ABORTED)) {
            return;
        }
        parts.abort();
        try {
            // Frees zstd's native buffers; what it still writes goes to the aborted part writer and is dropped.
            zstd.close();
        } catch (IOException | RuntimeException e) {
            // Expected: the part writer refuses the final bytes.
        }
    }

    @Override
    public void close() {
        abort();
    }

    /** What the engine sees: closing it only flushes, so that the artifact is completed by {@link #complete}. */
    private final class EngineStream extends OutputStream {

        @Override
        public void write(int b) throws IOException {
            checkOpen();
            raw.write(b);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            checkOpen();
            raw.write(bytes, offset, length);
        }

        /** Ends the current zstd block and hands everything but the open encryption segment on. */
        @Override
        public void flush() throws IOException {
            checkOpen();
            raw.flush();
        }

        @Override
        public void close() {
            // The engine is done writing; complete() or abort() decide what happens to the artifact.
        }

        private void checkOpen() throws IOException {
            if (state.get() != State.OPEN) {
                throw new IOException(spec.describe() + " is " + state.get().name().toLowerCase()
                        + ": no more bytes are accepted");
            }
        }
    }
}
