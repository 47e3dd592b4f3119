package io.lifeboat.agent.fs.repo;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

import io.lifeboat.agentkit.crypto.MasterKey;
import io.lifeboat.agentkit.storage.ArtifactLayout;
import io.lifeboat.agentkit.storage.NoSuchObjectException;
import io.lifeboat.agentkit.storage.ObjectStore;
import io.lifeboat.agentkit.storage.WriteOptions;

/**
 * The deduplicating chunk store of one target: adds chunks (each stored once, packed, compressed, encrypted), reads
 * them back by id, and keeps the index of every stored chunk in memory. Safe for many threads adding at once; full
 * packs are stored by upload threads while callers keep adding.
 */
public final class Repository implements AutoCloseable {

    private static final AtomicInteger THREADS = new AtomicInteger();

    private final ObjectStore store;
    private final RepositoryLayout layout;
    private final RepositoryKeys keys;
    private final BlobCodec codec;
    private final PackReader reader;
    private final WriteOptions options;
    private final RepositorySettings settings;
    private final Map<ChunkId, ChunkLocation> index = new ConcurrentHashMap<>();
    // Chunks claimed by an add but not yet in the index (in the open pack or in upload).
    private final Map<ChunkId, Boolean> pending = new ConcurrentHashMap<>();
    private final Object packLock = new Object();
    private PackWriter openPack;
    private final ExecutorService uploader;
    private final Semaphore inFlight;
    private final Queue<Future<?>> uploads = new ConcurrentLinkedQueue<>();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final LongAdder chunksNew = new LongAdder();
    private final LongAdder chunksReused = new LongAdder();
    private final LongAdder bytesNewRaw = new LongAdder();
    private final LongAdder bytesNewStored = new LongAdder();

    /**
     * Counters since open.
     *
     * @param chunksNew chunks stored by this instance
     * @param chunksReused chunks added that were already stored or pending
     * @param bytesNewRaw plaintext bytes of the new chunks
     * @param bytesNewStored stored bytes of the new chunks (compressed, encrypted, before pack headers)
     */
    public record Stats(long chunksNew, long chunksReused, long bytesNewRaw, long bytesNewStored) {
    }

    private Repository(ObjectStore store, RepositoryLayout layout, RepositoryKeys keys, WriteOptions options,
            RepositorySettings settings) {
        this.store = store;
        this.layout = layout;
        this.keys = keys;
        this.codec = new BlobCodec(keys, settings.zstdLevel());
        this.reader = new PackReader(store, layout, codec);
        this.options = options;
        this.settings = settings;
        this.inFlight = new Semaphore(settings.packsInFlight());
        this.uploader = Executors.newFixedThreadPool(settings.uploadThreads(), runnable -> {
            Thread thread = new Thread(runnable, "lifeboat-fs-pack-" + THREADS.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Opens (creating its keys on first use) the repository of {@code targetId} and loads every index object.
     */
    public static Repository open(ObjectStore store, ArtifactLayout layout, MasterKey masterKey, String targetId,
            WriteOptions options, RepositorySettings settings) throws IOException {
        RepositoryLayout repoLayout = new RepositoryLayout(layout, targetId);
        RepositoryKeys keys = RepositoryKeys.openOrCreate(store, repoLayout, masterKey, targetId, options);
        Repository repository = new Repository(store, repoLayout, keys, options, settings);
        try {
            IndexLoader.load(repository.store, repoLayout, repository.reader, repository.uploader, repository.index);
        } catch (IOException | RuntimeException e) {
            repository.close();
            throw e;
        }
        return repository;
    }

    /** The id of {@code length} bytes of {@code bytes} from {@code offset}. */
    public ChunkId id(byte[] bytes, int offset, int length) {
        return keys.id(bytes, offset, length);
    }

    /**
     * Stores the chunk {@code id} with plaintext {@code bytes[offset..offset+length)} unless it is stored or pending
     * already; returns whether it was new. It is durable only after {@link #flush()} returns.
     */
    public boolean add(ChunkId id, byte[] bytes, int offset, int length) throws IOException {
        throwIfFailed();
        if (index.containsKey(id) || pending.putIfAbsent(id, Boolean.TRUE) != null) {
            chunksReused.increment();
            return false;
        }
        // An upload may have moved the chunk from pending to the index between the two looks above.
        if (index.containsKey(id)) {
            pending.remove(id);
            chunksReused.increment();
            return false;
        }
        byte[] blob;
        try {
            blob = codec.encode(id, bytes, offset, length);
        } catch (RuntimeException e) {
            pending.remove(id);
            throw e;
        }
        PackWriter full = null;
        synchronized (packLock) {
            if (openPack == null) {
                openPack = new PackWriter(settings.packSize());
            }
            openPack.add(id, blob, length);
            if (openPack.isFull()) {
                full = openPack;
                openPack = null;
            }
        }
        chunksNew.increment();
        bytesNewRaw.add(length);
        bytesNewStored.add(blob.length);
        if (full != null) {
            submit(full);
        }
        return true;
    }

    /**
     * Stores the open pack and waits until every pack and index is stored; throws if any upload failed. Call it once
     * all adding threads are done (at the end of a backup).
     */
    public void flush() throws IOException {
        PackWriter last;
        synchronized (packLock) {
            last = openPack;
            openPack = null;
        }
        if (last != null && !last.isEmpty()) {
            submit(last);
        }
        for (Future<?> upload = uploads.poll(); upload != null; upload = uploads.poll()) {
            try {
                upload.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while storing packs in " + store.location());
            } catch (ExecutionException e) {
                failure.compareAndSet(null, e.getCause());
            }
        }
        throwIfFailed();
    }

    /** The plaintext of chunk {@code id}, checked (tag, size, id); throws naming the chunk and its pack. */
    public byte[] read(ChunkId id) throws IOException {
        ChunkLocation location = index.get(id);
        if (location == null) {
            throw new NoSuchChunkException("chunk " + id.hex() + " is not in any index under '" + layout.indexPrefix()
                    + "' in " + store.location());
        }
        String packKey = layout.pack(location.packId());
        byte[] blob;
        try {
            blob = reader.readBlob(location.packId(), location.offset(), location.length());
        } catch (NoSuchObjectException e) {
            throw new NoSuchChunkException("chunk " + id.hex() + " is indexed in pack '" + packKey
                    + "', which does not exist in " + store.location());
        } catch (IOException e) {
            throw new IOException("unable to read chunk " + id.hex() + " from pack '" + packKey + "': "
                    + e.getMessage(), e);
        }
        return codec.decode(id, blob, 0, blob.length, location.rawLength(), packKey);
    }

    /**
     * Writes the missing index object of pack {@code packId} (a pack stored just before a crash) from the header at
     * the pack's end and adds its chunks to the in-memory index; returns how many chunks it lists.
     */
    public int reindex(String packId) throws IOException {
        List<PackEntry> entries = reader.readHeader(packId);
        String key = layout.index(packId);
        try {
            store.put(key, PackHeader.seal(codec, packId, PackHeader.Role.INDEX, entries), options);
        } catch (IOException e) {
            throw new IOException("unable to store index '" + key + "' of pack '" + layout.pack(packId) + "' in "
                    + store.location() + ": " + e.getMessage(), e);
        }
        for (PackEntry entry : entries) {
            index.putIfAbsent(entry.chunkId(), ChunkLocation.of(packId, entry));
        }
        return entries.size();
    }

    /** Whether chunk {@code id} is in the index (stored by an earlier run, or by this one and uploaded). */
    public boolean contains(ChunkId id) {
        return index.containsKey(id);
    }

    /** Counters since open. */
    public Stats stats() {
        return new Stats(chunksNew.sum(), chunksReused.sum(), bytesNewRaw.sum(), bytesNewStored.sum());
    }

    /** Stops the upload threads; packs not yet flushed are lost (their chunks are stored again next time). */
    @Override
    public void close() {
        uploader.shutdownNow();
    }

    /** The in-memory index: chunk id to where it is stored. */
    Map<ChunkId, ChunkLocation> index() {
        return index;
    }

    ObjectStore store() {
        return store;
    }

    RepositoryLayout layout() {
        return layout;
    }

    BlobCodec codec() {
        return codec;
    }

    PackReader reader() {
        return reader;
    }

    WriteOptions options() {
        return options;
    }

    RepositorySettings settings() {
        return settings;
    }

    private void submit(PackWriter pack) throws IOException {
        try {
            inFlight.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting to store pack " + pack.packId());
        }
        try {
            uploads.add(uploader.submit(() -> upload(pack)));
        } catch (RuntimeException e) {
            inFlight.release();
            throw new IOException("unable to schedule pack " + pack.packId() + ": " + e, e);
        }
    }

    private void upload(PackWriter pack) {
        List<PackEntry> entries = pack.entries();
        try {
            pack.store(store, layout, codec, options);
            String packId = pack.packId();
            for (PackEntry entry : entries) {
                index.putIfAbsent(entry.chunkId(), ChunkLocation.of(packId, entry));
            }
        } catch (Throwable e) {
            failure.compareAndSet(null, e);
        } finally {
            // After the index: a concurrent add sees the chunk in one map or the other.
            for (PackEntry entry : entries) {
                pending.remove(entry.chunkId());
            }
            inFlight.release();
        }
    }

    private void throwIfFailed() throws IOException {
        Throwable cause = failure.get();
        if (cause != null) {
            throw new IOException("storing chunks in " + store.location() + " failed: " + cause.getMessage(), cause);
        }
    }
}
